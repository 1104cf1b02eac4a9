// Public API of entity recognition (VS Code-free).

export * from './types';
export { buildEntityIndex, type EntityIndex } from './matcher/entityIndex';
export { scanDocument, mergeCatalogueAndValues, type ScanOptions } from './scanDocument';
export { recogniseValues, DEFAULT_VALUE_RECOGNISERS, type ValueRecogniser } from './values/index';
export { type CandidateFinder, candidateMention, suggestId } from './candidates/finder';
export { heuristicCandidateFinder } from './candidates/heuristic';
export { loadCatalogue, formatIssue, type CatalogueSource, type CatalogueLoadResult, type CatalogueIssue, type LoadOptions } from './catalogue/load';
export { entityCatalogueSchema, ENTITY_CATALOGUE_SCHEMA_VERSION } from './catalogue/schema';
