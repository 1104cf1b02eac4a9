import * as path from 'node:path';
import { CorpusDocument, withoutSupersededVersions, exportBrat, ExportCorpus, exportCsv, exportQdc, exportQdpx, exportW3c, exportYaml, resolveCorpus } from '../export';
import { nodeFileSystem } from '../ports/nodeFileSystem';
import { TaskControl, throwIfCancelled } from '../ports/progress';
import { Problem } from '../problem';
import { anchorDocuments } from './common/anchorDocuments';
import { InputError } from './common/inputError';
import { readCatalogue } from './common/readCatalogue';
import { selectDocuments } from './common/selectDocuments';
import { cwdOf, WorkspaceTarget } from './common/workspaceTarget';

// Export: the corpus re-anchored against the documents as they are now (nothing written back), in one format.

export const EXPORT_FORMATS = ['yaml', 'w3c', 'csv', 'qdpx', 'qdc', 'brat'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions extends WorkspaceTarget {
  format: ExportFormat;
  /** File to write (relative to `cwd`; brat: a folder); omitted: the content is returned instead. */
  out?: string;
  /** Sidecars, documents or folders (relative to `cwd`); none: every sidecar. */
  paths?: readonly string[];
  /** Entity catalogues (relative to `cwd`); none: those in the annotations folder. */
  catalogues?: readonly string[];
  /** w3c: prefix of document and annotation IRIs. */
  baseIri?: string;
  /** w3c: a plain JSON array of annotations instead of an AnnotationCollection. */
  array?: boolean;
  /** csv: start with a byte order mark, for Excel. */
  bom?: boolean;
  /** csv: leave cells starting with = + - @ tab CR as they are (default: prefixed with ' so spreadsheets do not run them). */
  keepFormulas?: boolean;
  /** qdpx: the project name. */
  projectName?: string;
  /**
   * Keep the versions an adjudication superseded (core/agreement/superseded.ts). Default: foreign formats
   * (w3c, csv, qdpx, brat) leave them out and the result lists them; yaml, the full dump, always keeps them.
   */
  includeSuperseded?: boolean;
}

export type ExportResult =
  /** A sidecar or document could not be read: nothing was written. */
  | { ok: false; problems: Problem[] }
  | {
      ok: true;
      /** Warnings, in the order found: each sidecar's, then the catalogue's. */
      problems: Problem[];
      documents: number;
      annotations: number;
      entities: number;
      /** Annotations whose words are no longer at their place (needs review): exported without a position. */
      unplaced: string[];
      /** What the format cannot hold, as `path#id: why` (brat: links across documents, say). */
      lost: string[];
      /** Superseded versions left out (`path#id`), unless `includeSuperseded` or yaml. */
      superseded: string[];
      /** The export, when no `out` was given (brat: relative path → content). */
      content?: string | Uint8Array | Map<string, string>;
    };

type Rendered = { content: string | Uint8Array | Map<string, string>; lost?: string[] };
const RENDER: Record<ExportFormat, (corpus: ExportCorpus, options: ExportOptions) => Rendered> = {
  yaml: (corpus) => ({ content: exportYaml(corpus) }),
  w3c: (corpus, o) => ({ content: exportW3c(corpus, { baseIri: o.baseIri, shape: o.array ? 'array' : 'collection' }) }),
  csv: (corpus, o) => ({ content: exportCsv(corpus, { bom: o.bom, keepFormulas: o.keepFormulas }) }),
  qdpx: (corpus, o) => ({ content: exportQdpx(corpus, { projectName: o.projectName }).bytes }),
  qdc: (corpus) => ({ content: exportQdc(corpus) }),
  brat: (corpus) => {
    const { files, lost } = exportBrat(corpus);
    return { content: files, lost };
  },
};

const isAbsoluteIri = (iri: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(iri);

export async function exportAnnotations(options: ExportOptions, control?: TaskControl): Promise<ExportResult> {
  if (!EXPORT_FORMATS.includes(options.format)) throw new InputError(`unknown format '${options.format}' (one of: ${EXPORT_FORMATS.join(', ')})`);
  if (options.baseIri !== undefined && !isAbsoluteIri(options.baseIri)) throw new InputError(`'${options.baseIri}' is not an absolute IRI`, 'baseIri');
  const cwd = cwdOf(options);
  const { reports } = await anchorDocuments(options, await selectDocuments(options, options.paths ?? [], cwd), control, 'export');
  const problems: Problem[] = [];
  let failed = false;
  const documents: CorpusDocument[] = [];
  for (const r of reports) {
    problems.push(...r.problems.filter((p) => p.severity === 'warning'));
    const errors = r.problems.filter((p) => p.severity === 'error');
    problems.push(...errors);
    if (errors.length || !r.anchored) failed = true;
    else documents.push({ path: r.documentPath, text: r.anchored.text, sidecar: r.anchored.sidecar });
  }
  if (failed) return { ok: false, problems };

  const catalogue = await readCatalogue(options, options.catalogues ?? [], cwd);
  problems.push(...catalogue.problems);
  const current = options.format === 'yaml' || options.includeSuperseded ? { documents, leftOut: [] } : withoutSupersededVersions(documents);
  const corpus = { documents: current.documents, entities: catalogue.entities };
  const all = resolveCorpus(corpus).documents.flatMap((d) => d.annotations);
  const { content, lost = [] } = RENDER[options.format](corpus, options);
  throwIfCancelled(control, 'export');
  if (options.out !== undefined && content instanceof Map) {
    // brat: a folder of .txt/.ann pairs and annotation.conf.
    for (const [rel, text] of content) await nodeFileSystem.writeAtomic(path.resolve(cwd, options.out, ...rel.split('/')), text);
  } else if (options.out !== undefined) await nodeFileSystem.writeAtomic(path.resolve(cwd, options.out), content as string | Uint8Array);
  return {
    ok: true,
    problems,
    documents: current.documents.length,
    annotations: all.length,
    entities: corpus.entities.length,
    unplaced: all.filter((a) => !a.position).map((a) => a.ref),
    lost,
    superseded: current.leftOut,
    content: options.out === undefined ? content : undefined,
  };
}
