import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { fingerprint, normalizeText } from '../../core/anchoring';
import { parseBrat } from '../../core/import/bratImport';
import { ImportDraft, ImportIssue } from '../../core/import/draft';
import { matchDocument } from '../../core/import/matchDocument';
import { placeDrafts } from '../../core/import/placeDrafts';
import { parseW3c } from '../../core/import/w3cImport';
import { Annotation } from '../../core/model';
import { nodeFileSystem } from '../../core/ports/nodeFileSystem';
import { formatProblem } from '../../core/problem';
import { toWorkspaceRelative } from '../../core/store/documentPaths';
import { SidecarStore } from '../../core/store/sidecarStore';
import { anchorSidecar } from '../../core/workspace/anchorSidecar';
import { git } from '../anchorDocuments';
import { CliCommand, UsageError } from '../command';
import { CliWorkspace, documentsFromArgs } from '../findSidecars';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../options';
import { readEntities } from './export';

const IMPORT_FORMATS = ['w3c', 'brat'] as const;
type ImportFormat = (typeof IMPORT_FORMATS)[number];
const DOCUMENT_FILE = /\.(txt|md|markdown)$/i;
const SKIP = new Set(['node_modules', '.git', 'dist', 'out']);
const utf8 = new TextDecoder('utf-8');

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import W3C Web Annotations or brat standoff annotations into sidecars',
  usage: [
    'Usage: policy-annotator import --format w3c|brat [options] FILE...',
    '',
    'Creates annotations from other tools, anchored on the documents as they are now, and adds them to',
    'the sidecars (created or merged; existing annotations are kept and re-anchored like status --write).',
    '  w3c   W3C Web Annotation JSON: an Annotation, a list, an AnnotationPage or an AnnotationCollection.',
    '        Spans from TextQuoteSelector and TextPositionSelector (code points); the document from',
    "        target.source, matched to a workspace document by path. Bodies in this tool's own export",
    '        shapes become claims, stances and links again; other annotations become notes (body text',
    '        as the note, tagging bodies as tags).',
    '  brat  brat standoff .ann: T lines become claims (type Claim or a claim type such as Causal) or notes',
    '        (other types, kept as a tag); R lines links between them; A lines tags (claimType sets a',
    "        claim's type); N lines entity references or note text; # lines note text. The document is",
    '        --document, else the .txt next to the .ann, else the workspace document with its name.',
    'Each quote is looked for at its position, then anywhere in the document: an approximate match is',
    'imported marked for review; a quote that is missing or matches several places is not imported.',
    'New annotations get new ids; the author is --author, else the one the file names, else git user.name.',
    '',
    'Exit code: 0 when everything was imported; 1 when anything was not (each item listed with its',
    'reason; the rest is still imported unless --dry-run); 2 on bad usage.',
    '',
    'Options:',
    '  --format FORMAT         w3c or brat (required)',
    '  --document PATH         the document every imported annotation belongs to',
    '  --dry-run               report what would be imported; write nothing',
    '  --author NAME           author of the new annotations',
    '  --base-iri IRI          w3c: the base IRI the sources were exported with (stripped before matching)',
    '  --catalogue FILE        brat: entity catalogue for N lines (default: <annotations-dir>/entities.yaml)',
    WORKSPACE_USAGE,
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      ...WORKSPACE_OPTIONS,
      format: { type: 'string' },
      document: { type: 'string' },
      'dry-run': { type: 'boolean' },
      author: { type: 'string' },
      'base-iri': { type: 'string' },
      catalogue: { type: 'string', multiple: true },
    });
    const format = values.format as ImportFormat | undefined;
    if (!format) throw new UsageError('--format is required');
    if (!IMPORT_FORMATS.includes(format)) throw new UsageError(`unknown format '${format}' (one of: ${IMPORT_FORMATS.join(', ')})`);
    if (!positionals.length) throw new UsageError('name at least one FILE to import');
    const ws = workspaceFrom(values, io);
    const documentPaths = await workspaceDocuments(ws);
    const forced = values.document === undefined ? undefined : documentArgument(ws, values.document, io.cwd, documentPaths);

    const drafts: ImportDraft[] = [];
    const failures: ImportIssue[] = [];
    const warnings: ImportIssue[] = [];
    const entityIds = format === 'brat' ? new Set((await readEntities(ws, values.catalogue ?? [], io)).map((e) => e.id)) : undefined;
    for (const file of positionals) {
      const absolute = path.resolve(io.cwd, file);
      const text = await fsp.readFile(absolute, 'utf8').catch(() => undefined);
      if (text === undefined) throw new UsageError(`cannot read ${file}`);
      const parsed =
        format === 'w3c'
          ? parseW3c(text, file, { documentPaths, document: forced, baseIri: values['base-iri'] })
          : bratDocument(ws, absolute, file, forced, documentPaths, (document) => parseBrat(text, file, { document, entityIds }));
      drafts.push(...parsed.drafts);
      failures.push(...parsed.failures);
      warnings.push(...parsed.warnings);
    }

    // Every sidecar's ids are taken: ids are unique in the workspace.
    const store = new SidecarStore(nodeFileSystem, ws.root, ws.annotationsFolder);
    const takenIds = new Set<string>();
    for (const doc of await documentsFromArgs(ws, [], ws.root).catch(() => [] as string[])) {
      for (const a of (await store.load(doc)).read.sidecar?.annotations ?? []) takenIds.add(a.id);
    }
    const texts = new Map<string, string>();
    const bytesOf = new Map<string, Uint8Array>();
    for (const document of new Set(drafts.map((d) => d.document).filter((d): d is string => !!d))) {
      const bytes = await nodeFileSystem.readBytes(path.join(ws.root, ...document.split('/')));
      if (!bytes) continue;
      bytesOf.set(document, bytes);
      texts.set(document, normalizeText(utf8.decode(bytes)));
    }
    const defaultAuthor = (await git.userName(ws.root)) ?? 'unknown';
    const placed = placeDrafts(drafts, { texts, takenIds, author: values.author, defaultAuthor, now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });
    failures.push(...placed.failures);
    warnings.push(...placed.warnings);

    const written: Array<{ document: string; sidecar: string; added: number; outcome: string }> = [];
    for (const [document, annotations] of [...placed.annotations].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const outcome = await save(store, document, annotations, bytesOf.get(document)!, Boolean(values['dry-run']));
      if (outcome.refused) {
        for (const a of annotations) failures.push({ origin: document, reason: `annotation on "${a.anchor.exact.slice(0, 40)}" not imported: ${outcome.refused}` });
        continue;
      }
      written.push({ document, sidecar: store.displayName(store.fileFor(document)), added: annotations.length, outcome: outcome.outcome });
    }

    const imported = written.reduce((n, w) => n + w.added, 0);
    if (values.json) {
      io.out(JSON.stringify({ dryRun: Boolean(values['dry-run']), imported, documents: written, failures, warnings }, null, 2) + '\n');
    } else {
      for (const w of warnings) io.err(`${w.origin}: warning: ${w.reason}\n`);
      for (const f of failures) io.err(`${f.origin}: not imported: ${f.reason}\n`);
      for (const w of written) io.out(`${w.sidecar}: ${values['dry-run'] ? 'would add' : 'added'} ${w.added} annotation${w.added === 1 ? '' : 's'}${w.outcome ? ` (${w.outcome})` : ''}\n`);
      io.out(`${values['dry-run'] ? 'would import' : 'imported'} ${imported} annotation${imported === 1 ? '' : 's'}; ${failures.length} not imported\n`);
    }
    return failures.length ? 1 : 0;
  },
};

/** Saves new annotations next to the existing ones, which are first re-anchored on the current text. */
async function save(store: SidecarStore, document: string, added: Annotation[], bytes: Uint8Array, dryRun: boolean): Promise<{ refused?: string; outcome: string }> {
  const loaded = await store.load(document);
  if (!loaded.read.writable || !loaded.read.sidecar) {
    const first = loaded.read.problems.find((p) => p.severity === 'error') ?? loaded.read.problems[0];
    return { refused: `the sidecar cannot be updated (${first ? formatProblem(first) : 'unreadable'})`, outcome: '' };
  }
  const existing = loaded.read.sidecar;
  const anchored = existing.annotations.length ? await anchorSidecar(existing, bytes, git, store.root) : undefined;
  const annotations = [...(anchored?.sidecar.annotations ?? []), ...added];
  const moved = anchored?.outcomes.filter((o) => o.status !== 'anchored').length ?? 0;
  const outcome = [loaded.text === undefined ? 'new sidecar' : '', moved ? `${moved} existing annotation${moved === 1 ? '' : 's'} re-anchored` : ''].filter(Boolean).join(', ');
  if (dryRun) return { outcome };
  const result = await store.save(loaded, { ...existing, document, fingerprint: fingerprint(bytes), annotations });
  if (result.kind === 'refused') return { refused: `the sidecar cannot be updated (${result.problems.map(formatProblem).join('; ')})`, outcome: '' };
  await git.storeBlob(store.root, bytes);
  return { outcome: result.kind === 'merged' ? [outcome, 'merged with a change made meanwhile'].filter(Boolean).join(', ') : outcome };
}

/** Workspace-relative paths of the documents under the root (plain text and Markdown), outside the annotations folder. */
async function workspaceDocuments(ws: CliWorkspace): Promise<string[]> {
  const annotations = path.join(ws.root, ws.annotationsFolder);
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fsp.readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && full !== annotations) await walk(full);
      else if (entry.isFile() && DOCUMENT_FILE.test(entry.name)) out.push(toWorkspaceRelative(ws.root, full)!);
    }
  };
  await walk(ws.root);
  return out.sort();
}

function documentArgument(ws: CliWorkspace, value: string, cwd: string, documentPaths: string[]): string {
  const rel = toWorkspaceRelative(ws.root, path.resolve(cwd, value));
  if (rel && documentPaths.includes(rel)) return rel;
  if (documentPaths.includes(value)) return value;
  throw new UsageError(`--document ${value} is not a document in ${ws.root}`);
}

/** The document a .ann file annotates: --document, the .txt beside it, or a workspace document of that name. */
function bratDocument(ws: CliWorkspace, annFile: string, name: string, forced: string | undefined, documentPaths: string[], parse: (document: string) => ReturnType<typeof parseBrat>) {
  if (forced) return parse(forced);
  const sibling = toWorkspaceRelative(ws.root, annFile.replace(/\.ann$/i, '.txt'));
  if (sibling && documentPaths.includes(sibling)) return parse(sibling);
  const match = matchDocument(path.basename(annFile).replace(/\.ann$/i, '.txt'), documentPaths);
  if ('path' in match) return parse(match.path);
  return { drafts: [], failures: [{ origin: name, reason: `${match.error.replace(/^no workspace document matches source/, 'no workspace document matches')}` }], warnings: [] };
}
