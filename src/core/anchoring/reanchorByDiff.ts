// One anchor mapped through a diff of the old and the new text (the path with history): exact,
// with layout-only changes and cut-and-paste moves recognised.
import type { Anchor } from '../model';
import { CONTEXT_LENGTH, createAnchor } from './createAnchor';
import { splitsSurrogatePair } from './normalize';
import type { DiffMap } from './diffMapping';
import { loose, LooseText } from './quote/looseText';
import { MOVED_MIN, UNIQUE_QUOTE_MIN } from './quoteSearch';
import { ContextMatcher, evidence } from './similarity';
import type { AnchorResult } from './types';

/**
 * The result for one anchor mapped through a diff (the anchor must quote the old text at its
 * offsets). Exact: unchanged characters are followed, so repeated phrases cannot be confused.
 */
export function reanchorByDiff(anchor: Anchor, map: DiffMap, oldText: string, newText: string): AnchorResult {
  const { start, end, exact } = anchor;
  const length = end - start;
  // The diff works on UTF-16 units and may cut a surrogate pair: widen to whole characters.
  let newStart = map.mapStart(start);
  if (splitsSurrogatePair(newText, newStart)) newStart--;
  let newEnd = Math.max(newStart, length === 0 ? newStart : map.mapEnd(end));
  if (splitsSurrogatePair(newText, newEnd)) newEnd++;
  if (newEnd - newStart === length && newText.startsWith(exact, newStart)) {
    return { status: newStart === start ? 'anchored' : 'moved', anchor: createAnchor(newText, newStart, newEnd) };
  }
  // Only the layout changed (a re-wrapped line, table padding): still on its words.
  const relaid = layoutOnlyChange(exact, newText, newStart, newEnd);
  if (relaid) return { status: relaid.start === start ? 'anchored' : 'moved', anchor: createAnchor(newText, relaid.start, relaid.end) };
  const surviving = map.survivingLength(start, end);
  // Half or more of the quote is still there: same place, edited text.
  if (2 * surviving >= length && newEnd > newStart) {
    const score = Math.round((2000 * surviving) / (length + newEnd - newStart)) / 1000;
    return { status: 'fuzzy', anchor: createAnchor(newText, newStart, newEnd), was: exact, score };
  }
  return relocateIntoInsertion(anchor, map, oldText, newText) ?? { status: 'orphaned', anchor };
}

/**
 * A quote deleted at its place may have been cut and pasted. Accepted only when it cannot be
 * confused with anything: a quote of some length that occurred once in the old text occurs once
 * in the new, inside text the diff reports as inserted, with agreeing context.
 */
function relocateIntoInsertion(anchor: Anchor, map: DiffMap, oldText: string, newText: string): AnchorResult | undefined {
  const { exact } = anchor;
  if (exact.length < UNIQUE_QUOTE_MIN) return undefined;
  if (countOccurrences(oldText, exact, 2) !== 1) return undefined;
  const at = newText.indexOf(exact);
  if (at < 0 || countOccurrences(newText, exact, 2) !== 1) return undefined;
  if (!map.insertions.some((run) => run.start <= at && at + exact.length <= run.end)) return undefined;
  const ctx = new ContextMatcher(anchor.prefix, anchor.suffix);
  const ev = evidence(exact.length, 1, ctx, ctx.prefixSimilarity(newText, at), ctx.suffixSimilarity(newText, at + exact.length));
  if (ev < MOVED_MIN) return undefined;
  return { status: 'moved', anchor: createAnchor(newText, at, at + exact.length), score: Math.round(ev * 1000) / 1000 };
}

/**
 * The quote's words, with only white space changed, at or right around the mapped place (the
 * diff may align re-padded cells with a neighbouring row): the one such copy there, if any.
 */
function layoutOnlyChange(exact: string, newText: string, newStart: number, newEnd: number): { start: number; end: number } | undefined {
  const quote = loose(exact);
  if (newEnd > newStart && loose(newText.slice(newStart, newEnd)) === quote) return { start: newStart, end: newEnd };
  if (exact.length < UNIQUE_QUOTE_MIN || !/\s/.test(exact)) return undefined;
  const from = Math.max(0, newStart - exact.length - CONTEXT_LENGTH);
  const window = new LooseText(newText.slice(from, Math.min(newText.length, newEnd + exact.length + CONTEXT_LENGTH)));
  const at = window.text.indexOf(quote);
  if (at < 0 || window.text.indexOf(quote, at + 1) >= 0) return undefined;
  const place = window.toOriginal(at, at + quote.length);
  const found = { start: from + place.start, end: from + place.end };
  // The same place: the copy overlaps what the diff mapped.
  return found.start < Math.max(newEnd, newStart + 1) && newStart < found.end ? found : undefined;
}

function countOccurrences(text: string, quote: string, limit: number): number {
  let n = 0;
  for (let i = text.indexOf(quote); i >= 0 && n < limit; i = text.indexOf(quote, i + 1)) n++;
  return n;
}
