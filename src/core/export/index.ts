// Public API of the exports (pure: loaded sidecars, document texts and catalogue in; strings or bytes out).
export { type CorpusDocument, type ExportCorpus, type ExportAnnotation, resolveCorpus, absoluteRef, withoutSupersededVersions } from './corpus';
export { exportYaml, YAML_EXPORT_FORMAT } from './yamlExport';
export { exportW3c, toW3c, ANNO_CONTEXT, type W3cOptions } from './w3cExport';
export { exportCsv, CSV_COLUMNS, csvField, neutraliseFormula, type CsvOptions } from './csvExport';
export { exportQdpx, exportQdc, PROJECT_NAMESPACE, SOURCES_FOLDER, type QdpxOptions, type QdpxResult } from './qdpxExport';
export { buildCodebook, CODEBOOK_NAMESPACE } from './qdaCodebook';
export { guidFor } from './guid';
export * from './iris';
export { exportBrat, bratBase, type BratExport } from './bratExport';
