// Between the exact and the approximate search: the quote, with its context, searched exactly
// in the text with layout ignored (see looseText.ts). Found there, the words are intact, so the
// annotation is on its words (anchored or moved), not fuzzy.
import { CONTEXT_LENGTH, createAnchor } from '../createAnchor';
import type { AnchorResult, Candidate } from '../types';
import { exactStage } from './exactStage';
import { loose, looseTextOf } from './looseText';
import { QuoteSearch, round } from './searchContext';

/** Evidence of the single layout-insensitive copy of a quote to be offered as a fuzzy place. */
const ONE_COPY_MIN = 0.6;

export function looseStage(q: QuoteSearch): AnchorResult | undefined {
  const { anchor } = q;
  const exact = loose(anchor.exact).trim();
  if (exact.length === 0) return undefined;
  const lt = looseTextOf(q.text);
  const start = lt.toLoose(anchor.start);
  const prefix = loose(anchor.prefix);
  const suffix = loose(anchor.suffix);
  const looseAnchor = { exact, prefix, suffix, start, end: start + exact.length };
  // Projected context is shorter than stored context: only a side cut by the document's edge
  // may count as being at the edge.
  const full = [anchor.prefix.length === CONTEXT_LENGTH ? prefix.length : CONTEXT_LENGTH, anchor.suffix.length === CONTEXT_LENGTH ? suffix.length : CONTEXT_LENGTH];
  const contextLength = Math.max(1, Math.min(...full));
  const lq = new QuoteSearch(looseAnchor, lt.text, { expectedStart: lt.toLoose(q.expected), localOnly: true }, contextLength);
  const r = exactStage(lq);
  if (Array.isArray(r)) {
    // One copy of the words whose surroundings changed too much to trust the place (a row
    // inserted next to a table row): flagged for review, on the whole of the words.
    if (r.length !== 1 || r[0].evidence < ONE_COPY_MIN) return undefined;
    const only = lt.toOriginal(r[0].start, r[0].end);
    return { status: 'fuzzy', anchor: createAnchor(q.text, only.start, only.end), was: anchor.exact, score: round(r[0].evidence) };
  }
  const place = lt.toOriginal(r.anchor.start, r.anchor.end);
  const mapped = createAnchor(q.text, place.start, place.end);
  const candidates = r.candidates?.map((c): Candidate => ({ ...lt.toOriginal(c.start, c.end), score: c.score }));
  switch (r.status) {
    case 'anchored':
    case 'moved':
      return { status: place.start === anchor.start ? 'anchored' : 'moved', anchor: mapped, score: r.score ?? 1 };
    case 'ambiguous':
      return { status: 'ambiguous', anchor: mapped, candidates, score: r.score };
    default:
      return { status: 'fuzzy', anchor: mapped, was: anchor.exact, score: r.score };
  }
}
