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
/** A copy with this many characters of its context intact on both sides is the same place. */
const FAR_ADJACENT = 24;
/** …or both sides of it agreeing this well (a character or two changed nearby, a renumbering). */
const FAR_INTACT = 1.01;
/** The only copy of a quote, its context not trusted, is considered from this much evidence. */
export const ONLY_COPY_MIN = 0.7;
/** The old place wins unless the copy's context (prefix + suffix agreement) is better by more than this. */
const GAP_MARGIN = 0.1;
/** Near the expected place, the old place wins unless the copy's evidence is better by more than this. */
const NEAR_GAP_MARGIN = 0.05;

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

  // 3. Exact occurrences anywhere, ranked by context, then by nearness.
  const exactScored = scoreExactOccurrences(q);
  const pick = pickOccurrence(q, exactScored);
  if (pick === undefined) return exactScored;
  if (!('evidence' in pick)) return pick;
  const w = pick;
  if (w.start === expected) return { status: w.start === anchor.start ? 'anchored' : 'moved', anchor: createAnchor(text, w.start, w.end), score: round(w.evidence) };
  // Not where it should be: an edited copy at the expected place is as likely, whether its
  // quote still looks alike or only its old surroundings still stand there. A copy whose
  // surroundings are intact is the same place whatever happened around the old one.
  const apart = (c: { start: number; end: number }): boolean => c.end <= w.start || c.start >= w.end;
  const wp = ctx.prefixSimilarity(text, w.start);
  const ws = ctx.suffixSimilarity(text, w.end);
  if (!ctx.adjacentAgrees(text, w.start, w.end, FAR_ADJACENT)) {
    const far = Math.abs(w.start - expected) > len + 2 * CONTEXT_LENGTH;
    const weak = !q.trusted(w.start, w.end, w.evidence);
    if (far || weak) {
      const local = short ? undefined : fuzzyCandidates(q, true).find(apart);
      if (local && local.evidence >= w.evidence - FUZZY_MARGIN) {
        // An edited copy in place that agrees clearly better than a weak copy is for the fuzzy stage.
        return weak && local.evidence > w.evidence + FUZZY_MARGIN ? exactScored : q.ambiguous([w, local], true);
      }
      // The old surroundings, with the quote gone from between them, against the copy. Far
      // away, a copy whose surroundings agree no better than those of the old place may be a
      // copy; near, the quote's own length counts for the copy too.
      const gap = oldPlace(q, apart);
      if (gap && (far ? gap.context >= wp + ws - GAP_MARGIN : gap.evidence >= w.evidence - NEAR_GAP_MARGIN)) return q.ambiguous([w, gap], true);
      // Far away: only surroundings intact on both sides make it the same place; otherwise
      // the words are found but the place is a guess.
      if (far && Math.min(wp, ws) < FAR_INTACT) return { status: 'fuzzy', anchor: createAnchor(text, w.start, w.end), was: q.exact, score: round(w.evidence) };
    } else {
      // A winner with intact context on both sides needs no frame check; otherwise a frame
      // elsewhere counts if its context agrees at least as well as the winner's own.
      const frame = Math.min(wp, ws) >= INTACT ? undefined : contextFrame(text, ctx, len, expected, apart, wp + ws);
      if (frame) {
        const ev = q.evidenceAt(frame.start, frame.end, 0);
        return q.ambiguous([w, { ...frame, evidence: ev, score: ev }], true);
      }
    }
  }
  return { status: w.start === anchor.start ? 'anchored' : 'moved', anchor: createAnchor(text, w.start, w.end), score: round(w.evidence) };
}

/**
 * The occurrence to place the quote on: the best by context among those whose context is
 * trusted; among equals, the one where the neighbours put it when the others are well away
 * (else ambiguous); the only copy of a quote that is not short, whatever its context (checked
 * against the old place by the caller); or none.
 */
function pickOccurrence(q: QuoteSearch, scored: Scored[]): Scored | AnchorResult | undefined {
  const eligible = scored.filter((c) => q.trusted(c.start, c.end, c.evidence));
  if (eligible.length === 0) return scored.length === 1 && !q.short && scored[0].evidence >= ONLY_COPY_MIN ? scored[0] : undefined;
  const best = Math.max(...eligible.map((c) => c.evidence));
  const distance = (c: Scored): number => Math.abs(c.start - q.expected);
  const contenders = eligible.filter((c) => c.evidence >= best - TIE).sort((a, b) => distance(a) - distance(b));
  if (contenders.length === 1) return contenders[0];
  const near = q.len + 2 * CONTEXT_LENGTH;
  if (distance(contenders[0]) <= near && distance(contenders[1]) > 2 * near) return contenders[0];
  return q.ambiguous(contenders, true);
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

/**
 * Where the quote's old surroundings still stand near the expected position, as evidence for a
 * place the quote was deleted from: the best pair of a prefix end and, up to about two quote
 * lengths later, a suffix start (either may agree poorly), not overlapping the copy.
 */
function oldPlace(q: QuoteSearch, accept: (frame: { start: number; end: number }) => boolean): (Scored & { context: number }) | undefined {
  const { text, ctx, len, expected } = q;
  const reach = len + 2 * CONTEXT_LENGTH;
  const from = Math.max(0, expected - reach);
  const to = Math.min(text.length, expected + reach);
  const span = 2 * len + 16;
  const last = Math.min(text.length, to + span);
  const pre = new Float64Array(to - from + 1);
  const suf = new Float64Array(last - from + 1);
  for (let i = from; i <= to; i++) pre[i - from] = ctx.prefixSimilarity(text, i);
  for (let j = from; j <= last; j++) suf[j - from] = ctx.suffixSimilarity(text, j);
  let best: { start: number; end: number; sum: number } | undefined;
  for (let i = from; i <= to; i++) {
    const p = pre[i - from];
    if (best && p + 1 <= best.sum) continue;
    for (let j = i; j <= Math.min(last, i + span); j++) {
      const sum = p + suf[j - from];
      if ((!best || sum > best.sum) && accept({ start: i, end: j })) best = { start: i, end: j, sum };
    }
  }
  if (!best) return undefined;
  const ev = q.evidenceAt(best.start, best.end, 0);
  return { start: best.start, end: best.end, evidence: ev, score: ev, context: best.sum };
}
