import { TaskControl } from '../ports/progress';
import { Problem } from '../problem';
import { checkReferences } from '../workspace/checkReferences';
import { anchorDocuments } from './common/anchorDocuments';
import { readCatalogue } from './common/readCatalogue';
import { selectDocuments } from './common/selectDocuments';
import { cwdOf, WorkspaceTarget } from './common/workspaceTarget';
import { anchorProblems } from './anchorProblems';

// Validation: syntax, schema, the document, every anchor, links and entity references of each sidecar.

export interface ValidateOptions extends WorkspaceTarget {
  /** Sidecars, documents or folders (relative to `cwd`); none: every sidecar. */
  paths?: readonly string[];
  /** Entity catalogues (relative to `cwd`); none: entities.yaml and *.entities.yaml in the annotations folder. */
  catalogues?: readonly string[];
}

/** Field order is the CLI's `validate --json` output. */
export interface ValidateResult {
  /** The sidecars checked, as the store names them. */
  files: string[];
  annotations: number;
  errors: number;
  warnings: number;
  /** The catalogue's problems, then each sidecar's, then broken links and references. */
  problems: Problem[];
}

export async function validateSidecars(options: ValidateOptions, control?: TaskControl): Promise<ValidateResult> {
  const cwd = cwdOf(options);
  const documents = await selectDocuments(options, options.paths ?? [], cwd);
  const { reports } = await anchorDocuments(options, documents, control, 'validation');
  const entities = await readCatalogue(options, options.catalogues ?? [], cwd);
  const problems: Problem[] = [...entities.problems];
  for (const report of reports) problems.push(...report.problems, ...anchorProblems(report));
  problems.push(...checkReferences(reports.map((r) => r.loaded), entities.ids, !options.paths?.length));

  const errors = problems.filter((p) => p.severity === 'error').length;
  const annotations = reports.reduce((n, r) => n + (r.loaded.read.sidecar?.annotations.length ?? 0) + (r.loaded.read.sidecar?.links?.length ?? 0), 0);
  return { files: reports.map((r) => r.loaded.name), annotations, errors, warnings: problems.length - errors, problems };
}
