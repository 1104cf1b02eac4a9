// Re-anchoring by searching the new text for the quote, used when the old text is unknown (or
// does not match the anchor). Stages, each only when the one before found nothing it trusts:
// the stored (or expected) position and exact occurrences ranked by context (quote/exactStage),
// the same with layout ignored (quote/looseStage: line wraps, table padding), then approximate
// matches (quote/fuzzyStage).
import type { Anchor } from '../model';
import { createAnchor } from './createAnchor';
import { exactStage } from './quote/exactStage';
import { fuzzyStage } from './quote/fuzzyStage';
import { looseStage } from './quote/looseStage';
import { QuoteSearch, type QuoteSearchOptions } from './quote/searchContext';
import type { AnchorResult } from './types';

export { MOVED_MIN, SHORT_QUOTE_MAX, UNIQUE_QUOTE_MIN, type QuoteSearchOptions } from './quote/searchContext';

export function reanchorByQuote(anchor: Anchor, text: string, options: QuoteSearchOptions = {}): AnchorResult {
  const q = new QuoteSearch(anchor, text, options);
  if (q.len === 0) {
    // Nothing to find: trust the position only if both contexts still surround it.
    const at = anchor.start;
    const ok = at <= text.length && text.endsWith(anchor.prefix, at) && text.startsWith(anchor.suffix, at);
    return ok ? { status: 'anchored', anchor: createAnchor(text, at, at) } : q.orphaned();
  }
  const exact = exactStage(q);
  if (!Array.isArray(exact)) return exact;
  if (q.short) return q.orphaned();
  return looseStage(q) ?? fuzzyStage(q, exact);
}
