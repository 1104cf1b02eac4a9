// The exact stages of the quote search: the stored position, the expected (shifted) position,
// then exact occurrences anywhere ranked by context, with the checks that keep a copy elsewhere
// from passing for the annotated place.
import { CONTEXT_LENGTH, createAnchor } from '../createAnchor';
import type { ContextMatcher } from '../similarity';
import type { AnchorResult } from '../types';
import { FUZZY_MARGIN, fuzzyCandidates, MAX_SCORED } from './fuzzyStage';
import { QuoteSearch, round, type Scored } from './searchContext';

/** At its stored position, one side of the context must agree this well (the position is evidence too). */
const STORED_MIN = 0.6;
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
/** A quote this long that occurs once needs only one side of its context to agree this well. */
const LONG_UNIQUE = 40;
const ONE_SIDE_MIN = 0.75;
/** A side of context this intact near the old place makes a far exact copy doubtful. */
const SIDE_INTACT = 0.75;

/** A result, or the scored exact occurrences (none trusted) for the later stages. */
export function exactStage(q: QuoteSearch): AnchorResult | Scored[] {
  const { anchor, text, exact, len, expected, short, ctx } = q;
  // 1. The stored position, unless the context says another copy slid into it. A 1–3 unit
  // quote is too common to trust without its context.
  if (text.startsWith(exact, anchor.start)) {
    const ok = !short ? ctx.textAgreement(text, anchor.start, anchor.end) >= STORED_MIN : q.trusted(anchor.start, anchor.end, q.evidenceAt(anchor.start, anchor.end, 1));
    if (ok) return { status: 'anchored', anchor: createAnchor(text, anchor.start, anchor.end) };
  }

  // 2. The expected position (stored position shifted like the neighbours), if the context agrees.
  if (expected !== anchor.start && text.startsWith(exact, expected)) {
    const ev = q.evidenceAt(expected, expected + len, 1);
    if (ev >= EXPECTED_MIN && q.trusted(expected, expected + len, ev)) return { status: 'moved', anchor: createAnchor(text, expected, expected + len), score: ev };
  }

  // 3. Exact occurrences anywhere, ranked by context.
  const exactScored = scoreExactOccurrences(q);
  const eligible = exactScored.filter((c) => q.trusted(c.start, c.end, c.evidence));
  if (eligible.length === 0) {
    // The one copy of a long quote, with one side of its context still agreeing: its
    // neighbouring sentences were rewritten, not the quote moved onto a look-alike.
    const only = exactScored.length === 1 ? exactScored[0] : undefined;
    if (!only || len < LONG_UNIQUE || Math.max(ctx.prefixSimilarity(text, only.start), ctx.suffixSimilarity(text, only.end)) < ONE_SIDE_MIN) return exactScored;
    return { status: only.start === anchor.start ? 'anchored' : 'moved', anchor: createAnchor(text, only.start, only.end), score: round(only.evidence) };
  }
  const best = Math.max(...eligible.map((c) => c.evidence));
  const contenders = eligible.filter((c) => c.evidence >= best - TIE).sort((a, b) => Math.abs(a.start - expected) - Math.abs(b.start - expected));
  if (contenders.length > 1) return q.ambiguous(contenders, true);
  const w = contenders[0];
  // Not where it should be: an edited copy at the expected place is as likely, whether its
  // quote still looks alike or only its old surroundings still stand there.
  if (w.start !== expected) {
    const apart = (c: { start: number; end: number }): boolean => c.end <= w.start || c.start >= w.end;
    if (Math.abs(w.start - expected) > len + 2 * CONTEXT_LENGTH) {
      if (!short) {
        const local = fuzzyCandidates(q, true).find(apart);
        if (local && local.evidence >= w.evidence - FUZZY_MARGIN) return q.ambiguous([w, local], true);
      }
      // Far away while one side of the old surroundings still stands where it was: the quote
      // may well have been deleted there, and this is a copy.
      const side = oldSideNear(text, ctx, len, expected);
      if (side !== undefined) {
        const ev = q.evidenceAt(side, side, 0);
        return q.ambiguous([w, { start: side, end: side, evidence: ev, score: ev }], true);
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
      const ev = q.evidenceAt(frame.start, frame.end, 0);
      return q.ambiguous([w, { ...frame, evidence: ev, score: ev }], true);
    }
  }
  return { status: 'moved', anchor: createAnchor(text, w.start, w.end), score: round(w.evidence) };
}

/** Every exact occurrence (the nearest MAX_SCORED), with its evidence. */
function scoreExactOccurrences(q: QuoteSearch): Scored[] {
  const { text, exact, expected } = q;
  const positions: number[] = [];
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) positions.push(i);
  if (positions.length > MAX_SCORED) {
    positions.sort((a, b) => Math.abs(a - expected) - Math.abs(b - expected));
    positions.length = MAX_SCORED;
  }
  return positions.map((start) => {
    const ev = q.evidenceAt(start, start + exact.length, 1);
    return { start, end: start + exact.length, evidence: ev, score: q.score(ev, start) };
  });
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
