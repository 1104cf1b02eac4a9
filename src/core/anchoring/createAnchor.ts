import type { Anchor } from '../model';
import { splitsSurrogatePair } from './normalize';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/**
 * Anchor for [start, end) of the normalised `text`: the quote, up to `contextLength` UTF-16
 * units of prefix and suffix (one fewer where the limit would split a surrogate pair), and the
 * offsets. Throws RangeError for a span outside the text.
 */
export function createAnchor(text: string, start: number, end: number, contextLength = CONTEXT_LENGTH): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`createAnchor: span [${start}, ${end}) outside a text of length ${text.length}`);
  }
  let prefixStart = Math.max(0, start - contextLength);
  if (prefixStart < start && splitsSurrogatePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + contextLength);
  if (suffixEnd > end && splitsSurrogatePair(text, suffixEnd)) suffixEnd--;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    start,
    end,
  };
}
