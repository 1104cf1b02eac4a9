import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { normalizeText } from '../anchoring';
import { ImportDraft, ImportIssue } from '../import/draft';
import { placeDrafts } from '../import/placeDrafts';
import { nodeFileSystem } from '../ports/nodeFileSystem';
import { TaskControl, throwIfCancelled } from '../ports/progress';
import { Problem } from '../problem';
import { SidecarStore } from '../store/sidecarStore';
import { InputError } from './common/inputError';
import { readCatalogue } from './common/readCatalogue';
import { selectDocuments } from './common/selectDocuments';
import { cwdOf, gitOf, WorkspaceTarget } from './common/workspaceTarget';
import { documentArgument, IMPORT_FORMATS, IMPORT_READERS, ImportFormat, ReadContext, workspaceDocuments } from './importSources';
import { saveImported } from './importSave';

// Import: annotations from other tools, anchored on the documents as they are now, added to the sidecars.

export interface ImportOptions extends WorkspaceTarget {
  format: ImportFormat;
  /** The files to import (relative to `cwd`; messages name them as given). */
  files: readonly string[];
  /** The document every imported annotation belongs to (relative to `cwd`, or workspace-relative). */
  document?: string;
  /** Report what would be imported; write nothing. */
  dryRun?: boolean;
  /** Author of the new annotations; default: the one the file names, else git user.name. */
  author?: string;
  /** w3c: the base IRI the sources were exported with. */
  baseIri?: string;
  /** brat: entity catalogues (relative to `cwd`); none: those in the annotations folder. */
  catalogues?: readonly string[];
}

/** One sidecar that gets (or with `dryRun` would get) annotations. */
export interface ImportedSidecar {
  document: string;
  sidecar: string;
  added: number;
  /** e.g. "new sidecar", "2 existing annotations re-anchored"; empty when nothing else happened. */
  outcome: string;
}

export interface ImportResult {
  dryRun: boolean;
  imported: number;
  documents: ImportedSidecar[];
  /** Items not imported, each with its origin (file:line) and reason. */
  failures: ImportIssue[];
  /** Items imported with an approximation or a default. */
  warnings: ImportIssue[];
  /** Problems of the entity catalogue (brat), not fatal. */
  catalogueProblems: Problem[];
}

const utf8 = new TextDecoder('utf-8');

/** Reading, parsing and placing can be cancelled; once sidecars are being written, the import finishes. */
export async function importAnnotations(options: ImportOptions, control?: TaskControl): Promise<ImportResult> {
  const reader = IMPORT_READERS[options.format];
  if (!reader) throw new InputError(`unknown format '${options.format}' (one of: ${IMPORT_FORMATS.join(', ')})`);
  const cwd = cwdOf(options);
  const documentPaths = await workspaceDocuments(options);
  const document = options.document === undefined ? undefined : documentArgument(options, options.document, cwd, documentPaths);
  const catalogue = reader.needsEntities ? await readCatalogue(options, options.catalogues ?? [], cwd) : undefined;
  const ctx: ReadContext = { target: options, documentPaths, document, baseIri: options.baseIri, entityIds: catalogue && new Set(catalogue.entities.map((e) => e.id)) };

  const drafts: ImportDraft[] = [];
  const failures: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  for (const [done, name] of options.files.entries()) {
    throwIfCancelled(control, 'import');
    control?.progress?.report({ message: name, done, total: options.files.length });
    const file = path.resolve(cwd, name);
    const text = await fsp.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) throw new InputError(`cannot read ${name}`);
    const parsed = reader.read(text, file, name, ctx);
    drafts.push(...parsed.drafts);
    failures.push(...parsed.failures);
    warnings.push(...parsed.warnings);
  }

  // Every sidecar's ids are taken: ids are unique in the workspace.
  const store = new SidecarStore(nodeFileSystem, options.root, options.annotationsFolder);
  const takenIds = new Set<string>();
  for (const doc of await selectDocuments(options, [], options.root).catch(() => [] as string[])) {
    for (const a of (await store.load(doc)).read.sidecar?.annotations ?? []) takenIds.add(a.id);
  }
  const texts = new Map<string, string>();
  const bytesOf = new Map<string, Uint8Array>();
  for (const doc of new Set(drafts.map((d) => d.document).filter((d): d is string => !!d))) {
    const bytes = await nodeFileSystem.readBytes(path.join(options.root, ...doc.split('/')));
    if (!bytes) continue;
    bytesOf.set(doc, bytes);
    texts.set(doc, normalizeText(utf8.decode(bytes)));
  }
  const git = gitOf(options);
  const defaultAuthor = (await git.userName(options.root)) ?? 'unknown';
  const placed = placeDrafts(drafts, { texts, takenIds, author: options.author, defaultAuthor, now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });
  failures.push(...placed.failures);
  warnings.push(...placed.warnings);
  throwIfCancelled(control, 'import');

  const dryRun = Boolean(options.dryRun);
  const documents: ImportedSidecar[] = [];
  for (const [doc, annotations] of [...placed.annotations].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const saved = await saveImported(store, git, doc, annotations, bytesOf.get(doc)!, dryRun);
    if (saved.refused) {
      for (const a of annotations) failures.push({ origin: doc, reason: `annotation on "${a.anchor.exact.slice(0, 40)}" not imported: ${saved.refused}` });
      continue;
    }
    documents.push({ document: doc, sidecar: store.displayName(store.fileFor(doc)), added: annotations.length, outcome: saved.outcome });
  }
  const imported = documents.reduce((n, w) => n + w.added, 0);
  return { dryRun, imported, documents, failures, warnings, catalogueProblems: catalogue?.problems ?? [] };
}
