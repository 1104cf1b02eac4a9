import { Annotation } from '../model';
import { AgreementField, fieldValue, FIELDS_BY_KIND } from './fields';
import { Unit } from './matchUnits';

// The one definition of a disagreement between annotators, read by the agreement report, the CLI
// and the editor's Disagreements view: a unit that some annotator did not mark, or whose members
// differ in any categorical field of their kind. A unit is settled once a curated annotation
// (`curatedFrom`) names one of its members: it is then no longer a disagreement.

export interface FieldDifference {
  field: AgreementField;
  /** Each member's value, by annotator index. */
  values: Map<number, string | undefined>;
}

export interface Disagreement {
  unit: Unit;
  /** Annotators (indices) who did not mark the unit. */
  missing: number[];
  fields: FieldDifference[];
}

export function findDisagreement(unit: Unit, annotatorCount: number, fields: readonly AgreementField[] = FIELDS_BY_KIND[unit.kind]): Disagreement | undefined {
  const missing: number[] = [];
  for (let i = 0; i < annotatorCount; i++) if (!unit.members.has(i)) missing.push(i);
  const differences: FieldDifference[] = [];
  for (const field of fields) {
    if (!FIELDS_BY_KIND[unit.kind].includes(field)) continue;
    const values = new Map([...unit.members].map(([i, a]) => [i, fieldValue(a, field)] as const));
    if (new Set(values.values()).size > 1) differences.push({ field, values });
  }
  return missing.length || differences.length ? { unit, missing, fields: differences } : undefined;
}

/** Ids of annotations some curated version settles. */
export function settledIds(annotations: Iterable<Annotation>): Set<string> {
  const out = new Set<string>();
  for (const a of annotations) for (const id of a.curatedFrom ?? []) out.add(id);
  return out;
}

export function isSettled(unit: Unit, settled: ReadonlySet<string>): boolean {
  return [...unit.members.values()].some((a) => settled.has(a.id));
}

/** A curated annotation is the curator's, not an annotator's: it is left out of agreement. */
export function isCurated(annotation: Annotation): boolean {
  return !!annotation.curatedFrom?.length;
}
