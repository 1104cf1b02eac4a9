// Public API of the anchoring engine (VS Code-free; offsets in UTF-16 units of normalised text).
export type { AnchorResult, Candidate, Span, TextChange } from './types';
export { normalizeText } from './normalize';
export { OffsetMap, LineIndex, CodePointIndex, utf16ToCodePointOffset, codePointToUtf16Offset } from './offsets';
export { fingerprint } from './fingerprint';
export { createAnchor, CONTEXT_LENGTH } from './createAnchor';
export { reanchorByQuote, SHORT_QUOTE_MAX, type QuoteSearchOptions } from './quoteSearch';
export { computeDiff, DiffMap, type Diff, type DiffOptions } from './diffMapping';
export { applyEdit, applyEdits, applyChangesToText, resultForTrackedSpan } from './incremental';
export {
  reanchor,
  reanchorAll,
  reanchorAllChunked,
  reanchorByDiff,
  type ReanchorOptions,
  type ChunkedReanchorOptions,
} from './reanchor';
