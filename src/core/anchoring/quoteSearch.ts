import search from 'approx-string-match';
import type { Anchor } from '../model';
import { CONTEXT_LENGTH, createAnchor } from './createAnchor';
import { splitsSurrogatePair } from './normalize';
import { ContextMatcher, evidence } from './similarity';
import type { AnchorResult, Candidate } from './types';

// Re-anchoring by searching the new text for the quote, used when the old text is unknown
// (or does not match the anchor). Order: the stored (or expected) position, then exact
// occurrences ranked by context, then approximate matches. Thresholds are "evidence" values
// (0..1, see similarity.ts), where quote and context count by their lengths.

/** Quotes this short are only ever matched exactly: a fuzzy 2-letter match means nothing. */
export const SHORT_QUOTE_MAX = 3;
/** Evidence an exact occurrence elsewhere needs to count as `moved` (enough agreeing context). */
export const MOVED_MIN = 0.75;
/** At its stored position, one side of the context must agree this well (the position is evidence too). */
const STORED_MIN = 0.6;
/** Evidence at the expected (shifted) position that is accepted without looking further. */
const EXPECTED_MIN = 0.9;
/** Exact occurrences whose evidence differs by less than this cannot be told apart. */
const TIE = 0.02;
/** Cut-and-paste relocation (diff path) only for quotes at least this long. */
export const UNIQUE_QUOTE_MIN = 8;
/** Share of the quote that may differ in an approximate match. */
const ERROR_RATE = 0.25;
/** Minimum score of a fuzzy match, so it does not land on unrelated words. */
const FUZZY_MIN = 0.7;
/** A fuzzy match must beat the next distinct place by this much, else it is ambiguous. */
const FUZZY_MARGIN = 0.05;
/** A local fuzzy match at least this good spares scanning the whole text. */
const LOCAL_CONFIDENT = 0.85;
/** Weight of nearness to the expected position in a fuzzy score. */
const PROXIMITY_WEIGHT = 0.1;
/** The whole-text scan allows at most this many errors (one 32-bit block: keeps it linear). */
const GLOBAL_MAX_ERRORS = 32;
/** The whole-text scan runs per chunk, so each chunk reports its own best matches. */
const CHUNK = 65_536;
/** At most this many exact occurrences (nearest first) and fuzzy matches are scored. */
const MAX_SCORED = 2000;

export interface QuoteSearchOptions {
  /**
   * Where the quote is expected to start in the new text, e.g. its stored start shifted by
   * the edits that moved its neighbours. Defaults to the stored start.
   */
  expectedStart?: number;
  /** Skip the whole-text approximate scan (cheaper; only the neighbourhood is searched). */
  localOnly?: boolean;
}

interface Scored extends Candidate {
  evidence: number;
}

export function reanchorByQuote(anchor: Anchor, text: string, options: QuoteSearchOptions = {}): AnchorResult {
  const { exact } = anchor;
  const len = exact.length;
  const expected = clamp(options.expectedStart ?? anchor.start, 0, text.length);
  const ctx = new ContextMatcher(anchor.prefix, anchor.suffix);
  const evidenceAt = (start: number, end: number, quoteSim: number): number =>
    evidence(len, quoteSim, ctx, ctx.prefixSimilarity(text, start), ctx.suffixSimilarity(text, end));
  // A 1–3 unit quote is everywhere: besides the evidence, its immediate neighbours must agree.
  const trusted = (start: number, end: number, ev: number): boolean =>
    ev >= MOVED_MIN && (len > SHORT_QUOTE_MAX || ctx.adjacentAgrees(text, start, end));

  if (len === 0) {
    // Nothing to find: trust the position only if both contexts still surround it.
    const at = anchor.start;
    const ok = at <= text.length && text.endsWith(anchor.prefix, at) && text.startsWith(anchor.suffix, at);
    return ok ? { status: 'anchored', anchor: createAnchor(text, at, at) } : orphaned(anchor);
  }

  // 1. The stored position, unless the context says another copy slid into it. A 1–3 unit
  // quote is too common to trust without its context.
  if (text.startsWith(exact, anchor.start)) {
    const ok =
      len > SHORT_QUOTE_MAX
        ? ctx.textAgreement(text, anchor.start, anchor.end) >= STORED_MIN
        : trusted(anchor.start, anchor.end, evidenceAt(anchor.start, anchor.end, 1));
    if (ok) {
      return { status: 'anchored', anchor: createAnchor(text, anchor.start, anchor.end) };
    }
  }

  // 2. The expected position (stored position shifted like the neighbours), if the context agrees.
  if (expected !== anchor.start && text.startsWith(exact, expected)) {
    const ev = evidenceAt(expected, expected + len, 1);
    if (ev >= EXPECTED_MIN && trusted(expected, expected + len, ev)) return { status: 'moved', anchor: createAnchor(text, expected, expected + len), score: ev };
  }

  // 3. Exact occurrences anywhere, ranked by context.
  const exactScored = scoreExactOccurrences(text, exact, expected, evidenceAt);
  const eligible = exactScored.filter((c) => trusted(c.start, c.end, c.evidence));
  let winner: Scored | undefined;
  if (eligible.length > 0) {
    const best = Math.max(...eligible.map((c) => c.evidence));
    const contenders = eligible
      .filter((c) => c.evidence >= best - TIE)
      .sort((a, b) => Math.abs(a.start - expected) - Math.abs(b.start - expected));
    if (contenders.length > 1) return ambiguous(text, contenders, true);
    winner = contenders[0];
  }
  if (winner) {
    // Far from where it should be: an edited copy right at the expected place is as likely.
    if (len > SHORT_QUOTE_MAX && Math.abs(winner.start - expected) > len + 2 * CONTEXT_LENGTH) {
      const w = winner;
      const local = fuzzyCandidates(text, exact, expected, evidenceAt, true).find((c) => c.end <= w.start || c.start >= w.end);
      if (local && local.evidence >= w.evidence - FUZZY_MARGIN) return ambiguous(text, [w, local], true);
    }
    return { status: 'moved', anchor: createAnchor(text, winner.start, winner.end), score: round(winner.evidence) };
  }

  if (len <= SHORT_QUOTE_MAX) return orphaned(anchor);

  // 4. Approximate matches, scored on quote, context and nearness.
  const fuzzy = fuzzyCandidates(text, exact, expected, evidenceAt, options.localOnly === true, exactScored);
  const distinct = nonOverlapping(fuzzy);
  const [first, second] = distinct;
  if (!first || first.score < FUZZY_MIN) {
    return distinct.length > 0 ? { ...orphaned(anchor), candidates: distinct.slice(0, 3).map(plain) } : orphaned(anchor);
  }
  if (second && second.score >= FUZZY_MIN && first.score - second.score < FUZZY_MARGIN) {
    return ambiguous(text, distinct.filter((c) => c.score >= first.score - FUZZY_MARGIN));
  }
  return { status: 'fuzzy', anchor: createAnchor(text, first.start, first.end), was: exact, score: round(first.score) };
}

function scoreExactOccurrences(
  text: string,
  exact: string,
  expected: number,
  evidenceAt: (start: number, end: number, q: number) => number,
): Scored[] {
  const positions: number[] = [];
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) positions.push(i);
  if (positions.length > MAX_SCORED) {
    positions.sort((a, b) => Math.abs(a - expected) - Math.abs(b - expected));
    positions.length = MAX_SCORED;
  }
  return positions.map((start) => {
    const end = start + exact.length;
    const ev = evidenceAt(start, end, 1);
    return { start, end, evidence: ev, score: fuzzyScore(ev, start, expected, exact.length) };
  });
}

/**
 * Approximate matches of the quote: the neighbourhood of the expected position first, then
 * (unless a local match is convincing) the whole text, chunk by chunk. approx-string-match
 * only reports the lowest-error matches of a search, hence the separate searches.
 */
function fuzzyCandidates(
  text: string,
  exact: string,
  expected: number,
  evidenceAt: (start: number, end: number, q: number) => number,
  localOnly: boolean,
  extra: Scored[] = [],
): Scored[] {
  const len = exact.length;
  const maxErrors = Math.max(1, Math.floor(len * ERROR_RATE));
  const window = Math.max(256, len);
  const out: Scored[] = [...extra];
  const add = (matches: { start: number; end: number; errors: number }[], offset: number): void => {
    for (const m of matches.slice(0, MAX_SCORED)) {
      let start = m.start + offset;
      let end = m.end + offset;
      if (splitsSurrogatePair(text, start)) start--;
      if (splitsSurrogatePair(text, end)) end++;
      const ev = evidenceAt(start, end, 1 - m.errors / len);
      out.push({ start, end, evidence: ev, score: fuzzyScore(ev, start, expected, len) });
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

function fuzzyScore(ev: number, start: number, expected: number, len: number): number {
  const proximity = 1 / (1 + Math.abs(start - expected) / Math.max(1000, 4 * len));
  return (1 - PROXIMITY_WEIGHT) * ev + PROXIMITY_WEIGHT * proximity;
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

/** Scores are the evidence (exact stage: nearness only orders ties) or the fuzzy score. */
function ambiguous(text: string, candidates: Scored[], byEvidence = false): AnchorResult {
  const best = candidates[0];
  return {
    status: 'ambiguous',
    anchor: createAnchor(text, best.start, best.end),
    candidates: candidates.map((c) => (byEvidence ? { start: c.start, end: c.end, score: round(c.evidence) } : plain(c))),
    score: round(best.evidence),
  };
}

function orphaned(anchor: Anchor): AnchorResult {
  return { status: 'orphaned', anchor };
}

function plain(c: Scored): Candidate {
  return { start: c.start, end: c.end, score: round(c.score) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
