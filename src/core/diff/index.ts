// Public API of the semantic sidecar diff (pure).
export * from './sidecarDiff';
export { renderDiffText, totalsLine } from './renderText';
export { renderDiffMarkdown, escapeMarkdown } from './renderMarkdown';
export { showValue, showString, showQuote, showQuoteOf, NO_WORDS } from './formatValue';
export { renderDiffJson } from './renderJson';
export { renderDiff, DIFF_FORMATS, type DiffFormat } from './render';
