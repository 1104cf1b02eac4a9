import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { parseBrat } from '../import/bratImport';
import { ParsedImport } from '../import/draft';
import { decodeForeign } from '../import/foreignFile';
import { parseQdpx } from '../import/qdpxImport';
import { LinkRelation } from '../model';
import { matchDocument } from '../import/matchDocument';
import { parseW3c } from '../import/w3cImport';
import { toWorkspaceRelative } from '../store/documentPaths';
import { InputError } from './common/inputError';
import { WorkspaceTarget } from './common/workspaceTarget';

// Which documents an import can reach, and each import format's reader: a file in, drafts out.

export const IMPORT_FORMATS = ['w3c', 'brat', 'qdpx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const DOCUMENT_FILE = /\.(txt|md|markdown)$/i;
const SKIP = new Set(['node_modules', '.git', 'dist', 'out']);

/** What a reader knows besides the file itself. */
export interface ReadContext {
  target: WorkspaceTarget;
  /** Every workspace document, workspace-relative. */
  documentPaths: string[];
  /** The document every annotation belongs to, when the caller named one. */
  document?: string;
  baseIri?: string;
  /** Entity ids of the catalogue (brat N lines); only for formats that `needsEntities`. */
  entityIds?: ReadonlySet<string>;
  /** brat: relation types mapped to ours. */
  relationMap?: ReadonlyMap<string, LinkRelation>;
  /** qdpx: normalised texts of every workspace document (matching sources by content); only for `needsTexts`. */
  texts?: ReadonlyMap<string, string>;
  /** qdpx: add unmatched sources as documents under this folder. */
  addDocumentsTo?: string;
}

export interface ImportReader {
  needsEntities: boolean;
  needsTexts?: boolean;
  /** `file` is the absolute path, `name` the file as the caller named it (for messages). Sources to add as documents come back as `newDocuments`. */
  read(bytes: Uint8Array, file: string, name: string, ctx: ReadContext): ParsedImport & { newDocuments?: Array<{ path: string; text: string }> };
}

/** A text format's reader gets the file only when it is within the size limit and UTF-8. */
function textReader(needsEntities: boolean, read: (text: string, file: string, name: string, ctx: ReadContext) => ParsedImport): ImportReader {
  return {
    needsEntities,
    read(bytes, file, name, ctx) {
      const decoded = decodeForeign(bytes);
      return 'error' in decoded ? { drafts: [], failures: [{ origin: name, reason: decoded.error }], warnings: [] } : read(decoded.text, file, name, ctx);
    },
  };
}

export const IMPORT_READERS: Record<ImportFormat, ImportReader> = {
  w3c: textReader(false, (text, _file, name, ctx) => parseW3c(text, name, { documentPaths: ctx.documentPaths, document: ctx.document, baseIri: ctx.baseIri })),
  brat: textReader(true, (text, file, name, ctx) => {
    const document = bratDocument(ctx, file);
    return 'error' in document ? { drafts: [], failures: [{ origin: name, reason: document.error }], warnings: [] } : parseBrat(text, name, { document: document.path, entityIds: ctx.entityIds, relationMap: ctx.relationMap });
  }),
  qdpx: {
    needsEntities: false,
    needsTexts: true,
    read: (bytes, _file, name, ctx) => parseQdpx(bytes, name, { documentPaths: ctx.documentPaths, texts: ctx.texts ?? new Map(), addDocumentsTo: ctx.addDocumentsTo }),
  },
};

/** Workspace-relative paths of the documents under the root (plain text and Markdown), outside the annotations folder. */
export async function workspaceDocuments(ws: WorkspaceTarget): Promise<string[]> {
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

/** The workspace document a caller named (relative to `cwd` or to the root). */
export function documentArgument(ws: WorkspaceTarget, value: string, cwd: string, documentPaths: string[]): string {
  const rel = toWorkspaceRelative(ws.root, path.resolve(cwd, value));
  if (rel && documentPaths.includes(rel)) return rel;
  if (documentPaths.includes(value)) return value;
  throw new InputError(`${value} is not a document in ${ws.root}`, 'document');
}

/** The document a .ann file annotates: the one named, the .txt beside it, or a workspace document of that name. */
function bratDocument(ctx: ReadContext, annFile: string): { path: string } | { error: string } {
  if (ctx.document) return { path: ctx.document };
  // Our brat export writes `x.md` as `x.md.txt` beside `x.md.ann`: the document is then `x.md`.
  for (const candidate of [annFile.replace(/\.ann$/i, '.txt'), annFile.replace(/\.ann$/i, '')]) {
    const sibling = toWorkspaceRelative(ctx.target.root, candidate);
    if (sibling && ctx.documentPaths.includes(sibling)) return { path: sibling };
  }
  const match = matchDocument(path.basename(annFile).replace(/\.ann$/i, '.txt'), ctx.documentPaths);
  return 'path' in match ? match : { error: match.error.replace(/^no workspace document matches source/, 'no workspace document matches') };
}
