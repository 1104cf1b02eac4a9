import { Annotation } from '../model';
import { AlphaResult } from './coefficients';
import { Unit } from './matchUnits';

// Unit agreement: how alike annotators place their spans.
// - Character-level α, our documented stand-in for Krippendorff's unitizing αu: every character of
//   each document is a unit that each annotator codes 1 (inside one of their annotations of the kind)
//   or 0, and α is Krippendorff's binary α over those codes. It credits partial overlaps by the
//   characters they share, as αu does; it does not weigh gaps by their length as αu does.
// - Precision, recall and F1 of matched units between each pair of annotators.

/** Binary α on characters; `spans[i]` are annotator i's spans in one document of `length` characters. */
export function characterAlpha(documents: ReadonlyArray<{ length: number; spans: ReadonlyArray<ReadonlyArray<readonly [number, number]>> }>): AlphaResult {
  let o00 = 0;
  let o01 = 0;
  let o11 = 0;
  let units = 0;
  for (const { length, spans } of documents) {
    const m = spans.length;
    if (m < 2 || length <= 0) continue;
    units += length;
    const events = new Map<number, number>();
    for (const own of spans) {
      for (const [start, end] of union(own)) {
        events.set(Math.max(0, start), (events.get(Math.max(0, start)) ?? 0) + 1);
        events.set(Math.min(length, end), (events.get(Math.min(length, end)) ?? 0) - 1);
      }
    }
    const points = [...new Set([0, length, ...events.keys()])].filter((p) => p >= 0 && p <= length).sort((a, b) => a - b);
    let k = 0;
    for (let i = 0; i < points.length - 1; i++) {
      k += events.get(points[i]) ?? 0;
      const len = points[i + 1] - points[i];
      o11 += (len * k * (k - 1)) / (m - 1);
      o00 += (len * (m - k) * (m - k - 1)) / (m - 1);
      o01 += (len * k * (m - k)) / (m - 1);
    }
  }
  const n = o00 + o11 + 2 * o01;
  const n0 = o00 + o01;
  const n1 = o11 + o01;
  const observed = n ? (2 * o01) / n : 0;
  const expected = n > 1 ? (2 * n0 * n1) / (n * (n - 1)) : 0;
  return { alpha: expected > 0 ? 1 - observed / expected : undefined, units, pairableValues: n, observed, expected };
}

function union(spans: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...spans].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

export interface PairUnits {
  a: string;
  b: string;
  /** Annotations each marked, and units both marked. */
  aCount: number;
  bCount: number;
  matched: number;
  /** Taking `a` as the reference: precision = matched / bCount, recall = matched / aCount. */
  precision: number | undefined;
  recall: number | undefined;
  f1: number | undefined;
}

export function pairUnits(units: readonly Unit[], names: readonly string[]): PairUnits[] {
  const out: PairUnits[] = [];
  for (let a = 0; a < names.length; a++) {
    for (let b = a + 1; b < names.length; b++) {
      let aCount = 0;
      let bCount = 0;
      let matched = 0;
      for (const u of units) {
        const [hasA, hasB] = [u.members.has(a), u.members.has(b)];
        if (hasA) aCount++;
        if (hasB) bCount++;
        if (hasA && hasB) matched++;
      }
      const ratio = (x: number, y: number) => (y ? x / y : undefined);
      out.push({ a: names[a], b: names[b], aCount, bCount, matched, precision: ratio(matched, bCount), recall: ratio(matched, aCount), f1: ratio(2 * matched, aCount + bCount) });
    }
  }
  return out;
}

export function spanOf(a: Annotation): [number, number] {
  return [a.anchor.start, a.anchor.end];
}
