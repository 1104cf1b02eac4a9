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

/** Quotes of at most this many code points are only matched exactly: a fuzzy 2-letter match means nothing. */
export const SHORT_QUOTE_MAX = 3;
/** Evidence an exact occurrence elsewhere needs to count as `moved` (enough agreeing context). */
export const MOVED_MIN = 0.75;
/** At its stored position, one side of the context must agree this well (the position is evidence too). */
const STORED_MIN = 0.6;
/** …with neither side of the context agreeing less than this. */
const SIDE_MIN = 0.5;
/** Evidence at the expected (shifted) position that is accepted without looking further. */
const EXPECTED_MIN = 0.9;
/** Exact occurrences whose evidence differs by less than this cannot be told apart. */
const TIE = 0.02;
/** Context agreement that marks the old surroundings of a quote (see contextFrame). */
const FRAME_MIN = 0.75;
/** Both sides agreeing this well: the context is intact. */
const INTACT = 0.95;
/** A far exact copy must have this many characters of its context intact on both sides. */
const FAR_ADJACENT = 24;
/** A side of context this intact near the old place makes a far exact copy doubtful. */
const SIDE_INTACT = 0.75;
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
  const short = codePointLength(exact) <= SHORT_QUOTE_MAX;
  const ctx = new ContextMatcher(anchor.prefix, anchor.suffix);
  const evidenceAt = (start: number, end: number, quoteSim: number): number =>
    evidence(len, quoteSim, ctx, ctx.prefixSimilarity(text, start), ctx.suffixSimilarity(text, end));
  // A 1–3 unit quote is everywhere: besides the evidence, its immediate neighbours must agree.
  // Both sides must agree somewhat: one perfect side cannot carry a look-alike whose other side
  // is foreign (a repeated headline, say).
  const trusted = (start: number, end: number, ev: number): boolean =>
    ev >= MOVED_MIN &&
    Math.min(ctx.prefixSimilarity(text, start), ctx.suffixSimilarity(text, end)) >= SIDE_MIN &&
    (!short || ctx.adjacentAgrees(text, start, end));

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
      !short
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
    // Not where it should be: an edited copy at the expected place is as likely, whether its
    // quote still looks alike or only its old surroundings still stand there.
    if (winner.start !== expected) {
      const w = winner;
      const apart = (c: { start: number; end: number }): boolean => c.end <= w.start || c.start >= w.end;
      if (Math.abs(w.start - expected) > len + 2 * CONTEXT_LENGTH) {
        if (!short) {
          const local = fuzzyCandidates(text, exact, expected, evidenceAt, true).find(apart);
          if (local && local.evidence >= w.evidence - FUZZY_MARGIN) return ambiguous(text, [w, local], true);
        }
        // Far away while one side of the old surroundings still stands where it was: the quote
        // may well have been deleted there, and this is a copy.
        const side = oldSideNear(text, ctx, len, expected);
        if (side !== undefined) {
          const ev = evidenceAt(side, side, 0);
          return ambiguous(text, [w, { start: side, end: side, evidence: ev, score: ev }], true);
        }
        // Far away: only a verbatim copy of the surroundings makes it the same place; otherwise
        // the words are found but the place is a guess.
        if (!ctx.adjacentAgrees(text, w.start, w.end, FAR_ADJACENT)) return { status: 'fuzzy', anchor: createAnchor(text, w.start, w.end), was: exact, score: round(w.evidence) };
      }
      // A winner with intact context on both sides needs no frame check; otherwise a frame
      // elsewhere counts if its context agrees at least as well as the winner's own.
      const wp = ctx.prefixSimilarity(text, w.start);
      const ws = ctx.suffixSimilarity(text, w.end);
      const frame = Math.min(wp, ws) >= INTACT ? undefined : contextFrame(text, ctx, len, expected, apart, wp + ws);
      if (frame) {
        const ev = evidenceAt(frame.start, frame.end, 0);
        return ambiguous(text, [w, { ...frame, evidence: ev, score: ev }], true);
      }
    }
    return { status: 'moved', anchor: createAnchor(text, winner.start, winner.end), score: round(winner.evidence) };
  }

  if (short) return orphaned(anchor);

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

/**
 * The anchor's old surroundings near the expected position: a place where the prefix ends and,
 * up to about two quote lengths later, the suffix starts (both agreeing ≥ FRAME_MIN, together
 * at least `atLeast`). Such a frame means the quoted place still exists, with its text rewritten.
 */
function contextFrame(
  text: string,
  ctx: ContextMatcher,
  len: number,
  expected: number,
  accept: (frame: { start: number; end: number }) => boolean,
  atLeast: number,
): { start: number; end: number } | undefined {
  const reach = len + 2 * CONTEXT_LENGTH;
  const from = Math.max(0, expected - reach);
  const to = Math.min(text.length, expected + reach);
  for (let e = from; e <= to; e++) {
    const p = ctx.prefixSimilarity(text, e);
    if (p < FRAME_MIN) continue;
    const last = Math.min(text.length, e + 2 * len + 16);
    for (let st = e; st <= last; st++) {
      const sfx = ctx.suffixSimilarity(text, st);
      if (sfx >= FRAME_MIN && p + sfx >= atLeast && accept({ start: e, end: st })) return { start: e, end: st };
    }
  }
  return undefined;
}

/** A position near `expected` where the old prefix ends or the old suffix starts, nearly intact. */
function oldSideNear(text: string, ctx: ContextMatcher, len: number, expected: number): number | undefined {
  const reach = len + 2 * CONTEXT_LENGTH;
  const from = Math.max(0, expected - reach);
  const to = Math.min(text.length, expected + reach);
  for (let i = from; i <= to; i++) {
    if (ctx.prefixSimilarity(text, i) >= SIDE_INTACT || ctx.suffixSimilarity(text, i) >= SIDE_INTACT) return i;
  }
  return undefined;
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

function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || s.charCodeAt(i - 1) < 0xd800 || s.charCodeAt(i - 1) > 0xdbff) n++;
  }
  return n;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
