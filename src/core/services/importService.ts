import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { normalizeText } from '../anchoring';
import { ImportDraft, ImportedMetadata, ImportIssue } from '../import/draft';
import { mergeImportedMetadata } from '../import/importedMetadata';
import { MAX_IMPORT_BYTES } from '../import/foreignFile';
import { orderIssues, OrderedIssue } from '../import/issues';
import { readRelationMap } from '../import/relationMap';
import { ImportedItem, placeDrafts } from '../import/placeDrafts';
import { nodeFileSystem } from '../ports/nodeFileSystem';
import { TaskControl, throwIfCancelled } from '../ports/progress';
import { Problem } from '../problem';
import { SidecarEntry, sidecarEntries } from '../model';
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
  /** brat: a YAML or JSON file mapping brat relation types to this tool's relations (relative to `cwd`). */
  relationMap?: string;
  /** qdpx: add text sources that match no workspace document as new documents under this folder (workspace-relative). */
  addDocumentsTo?: string;
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
  /** Failures and warnings together, one per item, in file and line order (what a person reads). */
  messages: OrderedIssue[];
  /** Each imported item: where it came from (`origin`, `sourceId`) and the annotation it became (`document`, `id`). */
  items: ImportedItem[];
  /** qdpx with addDocumentsTo: documents created (workspace-relative); with dryRun, would be created. */
  addedDocuments: string[];
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
  let relationMap: ReadContext['relationMap'];
  if (options.relationMap !== undefined) {
    const text = await fsp.readFile(path.resolve(cwd, options.relationMap), 'utf8').catch(() => undefined);
    if (text === undefined) throw new InputError(`cannot read ${options.relationMap}`, 'relationMap');
    const read = readRelationMap(text, options.relationMap);
    if ('error' in read) throw new InputError(read.error, 'relationMap');
    relationMap = read.map;
  }
  const texts = reader.needsTexts ? await documentTexts(options.root, documentPaths) : undefined;
  const ctx: ReadContext = { target: options, documentPaths, document, baseIri: options.baseIri, entityIds: catalogue && new Set(catalogue.entities.map((e) => e.id)), relationMap, texts, addDocumentsTo: options.addDocumentsTo };

  const drafts: ImportDraft[] = [];
  const newDocuments: Array<{ path: string; text: string }> = [];
  const failures: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const metadata = new Map<string, ImportedMetadata>();
  for (const [done, name] of options.files.entries()) {
    throwIfCancelled(control, 'import');
    control?.progress?.report({ message: name, done, total: options.files.length });
    const file = path.resolve(cwd, name);
    const size = (await fsp.stat(file).catch(() => undefined))?.size;
    if (size === undefined) throw new InputError(`cannot read ${name}`);
    // A file over the limit is refused before it is read into memory.
    if (size > MAX_IMPORT_BYTES) {
      failures.push({ origin: name, reason: `it is ${size} bytes, more than the ${MAX_IMPORT_BYTES}-byte limit for imported files` });
      continue;
    }
    const bytes = await fsp.readFile(file).catch(() => undefined);
    if (bytes === undefined) throw new InputError(`cannot read ${name}`);
    const parsed = reader.read(bytes, file, name, ctx);
    newDocuments.push(...((parsed as { newDocuments?: typeof newDocuments }).newDocuments ?? []));
    drafts.push(...parsed.drafts);
    failures.push(...parsed.failures);
    warnings.push(...parsed.warnings);
    // Two files (or sources) for one document: the first one's values win, as the sidecar's win over both.
    for (const m of parsed.metadata ?? []) {
      const first = metadata.get(m.document);
      metadata.set(m.document, first ? { ...first, metadata: mergeImportedMetadata(first.metadata, m, warnings).metadata! } : m);
    }
  }

  // Every sidecar's ids are taken: ids are unique in the workspace.
  const store = new SidecarStore(nodeFileSystem, options.root, options.annotationsFolder);
  const takenIds = new Set<string>();
  for (const doc of await selectDocuments(options, [], options.root).catch(() => [] as string[])) {
    for (const a of sidecarEntries((await store.load(doc)).read.sidecar ?? { annotations: [] })) takenIds.add(a.id);
  }
  const dryRun = Boolean(options.dryRun);
  // New documents (qdpx sources added to the workspace) exist before their annotations are placed.
  const placing = new Map<string, string>();
  const bytesOf = new Map<string, Uint8Array>();
  for (const d of newDocuments) {
    placing.set(d.path, d.text);
    bytesOf.set(d.path, new TextEncoder().encode(d.text));
    if (!dryRun) await nodeFileSystem.writeAtomic(path.join(options.root, ...d.path.split('/')), bytesOf.get(d.path)!);
  }
  for (const doc of new Set([...drafts.map((d) => d.document), ...metadata.keys()].filter((d): d is string => !!d && !placing.has(d)))) {
    const bytes = await nodeFileSystem.readBytes(path.join(options.root, ...doc.split('/')));
    if (!bytes) continue;
    bytesOf.set(doc, bytes);
    placing.set(doc, normalizeText(utf8.decode(bytes)));
  }
  const git = gitOf(options);
  const defaultAuthor = (await git.userName(options.root)) ?? 'unknown';
  const placed = placeDrafts(drafts, { texts: placing, takenIds, author: options.author, defaultAuthor, now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });
  failures.push(...placed.failures);
  warnings.push(...placed.warnings);
  throwIfCancelled(control, 'import');

  const documents: ImportedSidecar[] = [];
  for (const doc of [...new Set([...placed.annotations.keys(), ...placed.links.keys(), ...metadata.keys()])].sort()) {
    if (!bytesOf.has(doc)) continue;
    const annotations: SidecarEntry[] = [...(placed.annotations.get(doc) ?? []), ...(placed.links.get(doc) ?? [])];
    const saved = await saveImported(store, git, doc, annotations, bytesOf.get(doc)!, dryRun, metadata.get(doc), warnings);
    if (saved.unchanged) continue;
    if (saved.refused) {
      for (const a of annotations) failures.push({ origin: doc, reason: `${'anchor' in a && a.anchor ? `annotation on "${a.anchor.exact.slice(0, 40)}"` : `link ${a.id}`} not imported: ${saved.refused}` });
      continue;
    }
    documents.push({ document: doc, sidecar: store.displayName(store.fileFor(doc)), added: annotations.length, outcome: saved.outcome });
  }
  const imported = documents.reduce((n, w) => n + w.added, 0);
  const saved = new Set(documents.map((d) => d.document));
  const messages = orderIssues(failures, warnings);
  return {
    dryRun,
    imported,
    documents,
    failures: messages.filter((m) => m.severity === 'error').map(({ severity, ...issue }) => issue),
    warnings: messages.filter((m) => m.severity === 'warning').map(({ severity, ...issue }) => issue),
    messages,
    items: placed.items.filter((i) => saved.has(i.document)),
    addedDocuments: newDocuments.map((d) => d.path),
    catalogueProblems: catalogue?.problems ?? [],
  };
}

/** Normalised texts of the workspace documents (REFI-QDA sources are matched by content too). */
async function documentTexts(root: string, documentPaths: readonly string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const doc of documentPaths) {
    const bytes = await nodeFileSystem.readBytes(path.join(root, ...doc.split('/')));
    if (bytes) texts.set(doc, normalizeText(utf8.decode(bytes)));
  }
  return texts;
}
