// Approximate matches of a quote whose words changed (approx-string-match, Myers' bit-parallel
// search), scored on quote, context and nearness to the expected place.
import search from 'approx-string-match';
import { createAnchor } from '../createAnchor';
import { splitsSurrogatePair } from '../normalize';
import type { AnchorResult } from '../types';
import { QuoteSearch, round, type Scored } from './searchContext';

/** Share of the quote that may differ in an approximate match. */
const ERROR_RATE = 0.25;
/** Minimum score of a fuzzy match, so it does not land on unrelated words. */
const FUZZY_MIN = 0.7;
/** A fuzzy match must beat the next distinct place by this much, else it is ambiguous. */
export const FUZZY_MARGIN = 0.05;
/** A local fuzzy match at least this good spares scanning the whole text. */
const LOCAL_CONFIDENT = 0.85;
/** The whole-text scan allows at most this many errors (one 32-bit block: keeps it linear). */
const GLOBAL_MAX_ERRORS = 32;
/** The whole-text scan runs per chunk, so each chunk reports its own best matches. */
const CHUNK = 65_536;
/** At most this many fuzzy matches are scored. */
export const MAX_SCORED = 2000;

/** The last stage: the best approximate place, ambiguous between near-equal ones, or orphaned. */
export function fuzzyStage(q: QuoteSearch, exactScored: Scored[]): AnchorResult {
  const fuzzy = fuzzyCandidates(q, q.options.localOnly === true, exactScored);
  const distinct = nonOverlapping(fuzzy);
  const [first, second] = distinct;
  if (!first || first.score < FUZZY_MIN) return q.orphaned(distinct.slice(0, 3));
  if (second && second.score >= FUZZY_MIN && first.score - second.score < FUZZY_MARGIN) {
    return q.ambiguous(distinct.filter((c) => c.score >= first.score - FUZZY_MARGIN));
  }
  return { status: 'fuzzy', anchor: createAnchor(q.text, first.start, first.end), was: q.exact, score: round(first.score) };
}

/**
 * Approximate matches of the quote: the neighbourhood of the expected position first, then
 * (unless a local match is convincing) the whole text, chunk by chunk. approx-string-match
 * only reports the lowest-error matches of a search, hence the separate searches.
 */
export function fuzzyCandidates(q: QuoteSearch, localOnly: boolean, extra: Scored[] = []): Scored[] {
  const { text, exact, len, expected } = q;
  const maxErrors = Math.max(1, Math.floor(len * ERROR_RATE));
  const window = Math.max(256, len);
  const out: Scored[] = [...extra];
  const add = (matches: { start: number; end: number; errors: number }[], offset: number): void => {
    for (const m of matches.slice(0, MAX_SCORED)) {
      let start = m.start + offset;
      let end = m.end + offset;
      if (splitsSurrogatePair(text, start)) start--;
      if (splitsSurrogatePair(text, end)) end++;
      const ev = q.evidenceAt(start, end, 1 - m.errors / len);
      out.push({ start, end, evidence: ev, score: q.score(ev, start) });
    }
  };
  const from = Math.max(0, expected - window);
  const to = Math.min(text.length, expected + len + window);
  // Small pieces near the expected place, so a closer copy elsewhere cannot hide the edited one.
  searchPieces(text, exact, from, to, maxErrors, Math.max(64, 2 * len), add);
  const localBest = out.reduce((b, c) => Math.max(b, c.score), 0);
  if (!localOnly && localBest < LOCAL_CONFIDENT && (from > 0 || to < text.length)) {
    searchPieces(text, exact, 0, text.length, Math.min(maxErrors, GLOBAL_MAX_ERRORS), CHUNK, add);
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Runs the approximate search over [from, to) piece by piece (pieces overlap by a match length). */
function searchPieces(
  text: string,
  pattern: string,
  from: number,
  to: number,
  maxErrors: number,
  piece: number,
  add: (matches: { start: number; end: number; errors: number }[], offset: number) => void,
): void {
  for (let p = from; p < to; p += piece) {
    const end = Math.min(to, p + piece + pattern.length + maxErrors);
    add(search(text.slice(p, end), pattern, maxErrors), p);
    if (end === to) break;
  }
}

/** Best-first candidates with overlapping ones dropped, so "second best" is another place. */
function nonOverlapping(sorted: Scored[]): Scored[] {
  const kept: Scored[] = [];
  for (const c of sorted) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
    if (kept.length >= 8) break;
  }
  return kept;
}
