// Two annotations from different places of the old text cannot both be one place of the new.
// The quote search looks at each annotation alone, so it may put several with the same words on
// one copy of them (three tables merged into one, their headers placed on the one header left):
// the one whose context agrees best there keeps the place, the others are flagged as ambiguous.
// Run last, so the order passes cannot place a flagged one back.
import type { Anchor } from '../model';
import { ContextMatcher, evidence } from './similarity';
import type { AnchorResult } from './types';

/** The best claim must agree better than the next by this much, or nobody is flagged. */
const CLAIM_MARGIN = 0.005;

/**
 * Flags (as ambiguous) every placed anchor that shares its new place with a placed anchor from
 * another old place whose context agrees clearly better there. Returns the indexes flagged.
 */
export function settleSharedPlaces(anchors: readonly Anchor[], results: AnchorResult[], text: string): Set<number> {
  const byPlace = new Map<string, number[]>();
  results.forEach((r, i) => {
    if ((r.status !== 'anchored' && r.status !== 'moved') || r.anchor.end <= r.anchor.start) return;
    const key = `${r.anchor.start}:${r.anchor.end}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), i]);
  });
  const flagged = new Set<number>();
  for (const group of byPlace.values()) {
    if (group.every((i) => anchors[i].start === anchors[group[0]].start)) continue;
    const { start, end } = results[group[0]].anchor;
    const agreement = new Map(group.map((i) => [i, contextAgreement(anchors[i], text, start, end)]));
    const sorted = [...group].sort((a, b) => (agreement.get(b) ?? 0) - (agreement.get(a) ?? 0));
    const best = agreement.get(sorted[0]) ?? 0;
    const rivals = sorted.filter((i) => anchors[i].start !== anchors[sorted[0]].start);
    if (best - (agreement.get(rivals[0]) ?? 0) < CLAIM_MARGIN) continue;
    for (const i of rivals) {
      const score = Math.round((agreement.get(i) ?? 0) * 1000) / 1000;
      results[i] = { status: 'ambiguous', anchor: results[i].anchor, candidates: [{ start, end, score }], score };
      flagged.add(i);
    }
  }
  return flagged;
}

function contextAgreement(anchor: Anchor, text: string, start: number, end: number): number {
  const ctx = new ContextMatcher(anchor.prefix, anchor.suffix);
  return evidence(anchor.exact.length, 1, ctx, ctx.prefixSimilarity(text, start), ctx.suffixSimilarity(text, end));
}
