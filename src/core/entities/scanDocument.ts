// One call for everything recognised in a document: catalogue names, values, candidates.
//
// Overlaps are resolved so that no two mentions overlap:
// - catalogue against values: the longer span wins, the catalogue on a tie. A year inside a
//   name stays part of the name ("2023 Digital Economy Summit"), and an amount that contains
//   a name stays an amount ("200 million Hong Kong dollars" is money, not the place);
// - candidates only fill text that neither claimed (the catalogue always wins over them).

import { type CandidateFinder } from './candidates/finder';
import type { EntityIndex } from './matcher/entityIndex';
import type { Mention } from './types';
import { DEFAULT_VALUE_RECOGNISERS, recogniseValues, type ValueRecogniser } from './values/index';

export interface ScanOptions {
  /** Value recognisers: true (default) for the built-in ones, false for none, or a list. */
  values?: boolean | readonly ValueRecogniser[];
  /** Finder for names not in the catalogue; none by default. */
  candidates?: CandidateFinder | false;
}

const byStart = (a: Mention, b: Mention) => a.start - b.start || b.end - a.end;

export function scanDocument(text: string, index: EntityIndex, options: ScanOptions = {}): Mention[] {
  const catalogue = index.scan(text);
  const recognisers = options.values === false ? [] : options.values === true || options.values === undefined ? DEFAULT_VALUE_RECOGNISERS : options.values;
  const values = recognisers.length ? recogniseValues(text, recognisers) : [];
  const merged = mergeCatalogueAndValues(catalogue, values);
  if (!options.candidates) return merged;
  const candidates = options.candidates.find(text, merged);
  return [...merged, ...candidates].sort(byStart);
}

/** Both lists sorted and internally non-overlapping; returns a sorted, non-overlapping list. */
export function mergeCatalogueAndValues(catalogue: readonly Mention[], values: readonly Mention[]): Mention[] {
  const dropped = new Set<Mention>();
  const kept: Mention[] = [];
  let lo = 0;
  for (const v of values) {
    while (lo < catalogue.length && catalogue[lo].end <= v.start) lo++;
    const overlapping: Mention[] = [];
    for (let k = lo; k < catalogue.length && catalogue[k].start < v.end; k++) overlapping.push(catalogue[k]);
    const length = v.end - v.start;
    if (overlapping.every((c) => dropped.has(c) || length > c.end - c.start)) {
      overlapping.forEach((c) => dropped.add(c));
      kept.push(v);
    }
  }
  return [...catalogue.filter((c) => !dropped.has(c)), ...kept].sort(byStart);
}
