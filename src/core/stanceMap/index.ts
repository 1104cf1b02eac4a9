export { buildStanceMap, orderDocuments } from './stanceMap';
export { renderStanceMapMarkdown } from './renderMarkdown';
export { renderStanceMapSvg, type SvgOptions } from './renderSvg';
export { cellText, dateValue, POLARITY_GLYPH } from './legend';
export type * from './types';
