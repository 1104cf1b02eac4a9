// The order of a document's annotations as evidence (quote search, second and third passes):
// an annotation the search could not place, or placed out of order, may have its words exactly
// once between the new places of the annotations placed before and after it. Any other copy of
// the words lies outside that interval, so the one inside is the only choice that keeps the
// document's order (Hypothesis passes a position hint to its quote search for the same purpose;
// here the neighbours make it an interval).
import type { Anchor } from '../model';
import { createAnchor } from './createAnchor';
import { FUZZY_MARGIN, fuzzyCandidates } from './quote/fuzzyStage';
import { loose, looseTextOf } from './quote/looseText';
import { QuoteSearch, round, UNIQUE_QUOTE_MIN } from './quote/searchContext';
import type { AnchorResult } from './types';

/** A span of the new text. */
export interface Place {
  start: number;
  end: number;
}

/** An orphaned anchor's only copy between its neighbours needs this much evidence (quote and context). */
const ORPHAN_COPY_MIN = 0.5;
/** How far outside the range of its neighbours' shifts an ambiguous anchor's copy may lie. */
const SHIFT_SLACK = 16;

/**
 * The result for an anchor from the annotations placed before and after it: `was` is the first
 * pass's result, `from` and `to` the end and start of the neighbours' new places, `expected`
 * where their shifts would put it. Its words' only copy in between, unless the first pass
 * guessed another place for an edited copy, or an edited copy near an expected place agrees as
 * well as the copy does. An anchor the first pass placed outside the interval (on a copy that
 * belongs to another annotation with the same words) or called ambiguous (its old surroundings
 * still stand near) moves only to a copy where the neighbours' shifts put it.
 */
export function placeByOrder(anchor: Anchor, was: AnchorResult, text: string, from: number, to: number, expected: number[]): AnchorResult | undefined {
  const place = onlyCopyBetween(text, anchor.exact, from, to);
  if (!place) return undefined;
  const placed = was.status === 'anchored' || was.status === 'moved';
  if (!placed && was.status !== 'orphaned' && (was.anchor.start !== place.start || was.anchor.end !== place.end)) return undefined;
  const shifted = place.start >= Math.min(...expected) - SHIFT_SLACK && place.start <= Math.max(...expected) + SHIFT_SLACK;
  if ((placed || was.status === 'ambiguous') && !shifted) return undefined;
  const apart = (c: Place): boolean => c.end <= place.start || c.start >= place.end;
  let ev = 0;
  for (const expectedStart of expected) {
    const q = new QuoteSearch(anchor, text, { expectedStart, localOnly: true });
    ev = q.evidenceAt(place.start, place.end, 1);
    if (was.status === 'orphaned' && ev < ORPHAN_COPY_MIN) return undefined;
    const edited = fuzzyCandidates(q, true).find(apart);
    if (edited && edited.evidence >= ev - FUZZY_MARGIN) return undefined;
  }
  return { status: place.start === anchor.start ? 'anchored' : 'moved', anchor: createAnchor(text, place.start, place.end), score: round(ev) };
}

/**
 * The one copy of `exact`'s words (layout ignored, whole words) in the new text between `from`
 * and `to`, or undefined when there is none or more than one.
 */
export function onlyCopyBetween(text: string, exact: string, from: number, to: number): Place | undefined {
  const quote = loose(exact).trim();
  // A few letters occur everywhere: only a quote that can be told apart by its words.
  if (quote.length < UNIQUE_QUOTE_MIN || to <= from) return undefined;
  const lt = looseTextOf(text);
  const end = lt.toLoose(to);
  let found: Place | undefined;
  for (let at = lt.text.indexOf(quote, lt.toLoose(from)); at >= 0 && at + quote.length <= end; at = lt.text.indexOf(quote, at + 1)) {
    const place = lt.toOriginal(at, at + quote.length);
    if (!wholeWords(text, place, exact)) continue;
    if (found) return undefined;
    found = place;
  }
  return found;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** The copy does not start or end inside a longer word where the quote starts or ends with a word character. */
function wholeWords(text: string, place: Place, exact: string): boolean {
  const first = exact.trimStart()[0] ?? '';
  const last = exact.trimEnd().slice(-1);
  if (WORD_CHAR.test(first) && place.start > 0 && WORD_CHAR.test(text[place.start - 1])) return false;
  if (WORD_CHAR.test(last) && place.end < text.length && WORD_CHAR.test(text[place.end])) return false;
  return true;
}
