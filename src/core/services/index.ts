// Public API of the core services: one per feature, typed options in, typed results out, progress and
// cancellation through `TaskControl` (ports/progress.ts). The CLI and the editor both call these.
export { annotationStatus, workspacesStatus, type WorkspaceStatus, type StatusOptions, type StatusResult, type StatusDocument, type StatusAnnotation } from './statusService';
export { validateSidecars, type ValidateOptions, type ValidateResult } from './validateService';
export { exportAnnotations, EXPORT_FORMATS, type ExportFormat, type ExportOptions, type ExportResult } from './exportService';
export { importAnnotations, type ImportOptions, type ImportResult, type ImportedSidecar } from './importService';
export { IMPORT_FORMATS, IMPORT_READERS, type ImportFormat, type ImportReader } from './importSources';
export { diffAnnotations, type DiffOptions, type DiffResult, type DiffSideInfo } from './diffService';
export { type DiffRevision, WORKING_TREE } from './diffSides';
export { InputError, UnknownRevisionError } from './common/inputError';
export { type WorkspaceTarget } from './common/workspaceTarget';
export { catalogueFiles, readCatalogue, type ServiceCatalogue } from './common/readCatalogue';
export { selectDocuments } from './common/selectDocuments';
export { CancelledError, type CancellationSignal, type Progress, type ProgressStep, type TaskControl } from '../ports/progress';
export { measureAgreement, type AgreementOptions, type AgreementResult } from './agreementService';
