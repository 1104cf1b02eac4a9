// Public API of the imports (pure: file text in, drafts out; drafts and document texts in, annotations out).
export { type ImportDraft, type ImportIssue, type ParsedImport, type DraftRef } from './draft';
export { parseW3c, type W3cImportContext } from './w3cImport';
export { parseBrat, relationNamed, TARGET_DATABASE, type BratImportContext } from './bratImport';
export { placeDrafts, type PlaceContext, type PlaceResult } from './placeDrafts';
export { matchDocument, sourcePath, type DocumentMatch } from './matchDocument';
export { orderIssues, type OrderedIssue } from './issues';
export { readBratLine, type BratLine } from './bratLines';
export { parseQdpx, type QdpxImportContext, type QdpxParsed } from './qdpxImport';
export { decodeForeign, parseJson, MAX_IMPORT_BYTES, MAX_JSON_DEPTH } from './foreignFile';
export { readRelationMap } from './relationMap';
