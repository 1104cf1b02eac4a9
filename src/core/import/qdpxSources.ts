import { normalizeText } from '../anchoring';
import { ParsedImport } from './draft';
import { decodeForeign } from './foreignFile';
import { matchDocument } from './matchDocument';

// Which workspace document a REFI-QDA text source is: by name (a path ending like a workspace document's),
// else by content (the same normalised text), else, when asked, a new document to add to the workspace.

export interface QdpxImportContext {
  documentPaths: readonly string[];
  /** Normalised texts of the workspace documents, for matching by content. */
  texts: ReadonlyMap<string, string>;
  /** Add sources that match no document as new documents under this folder (workspace-relative). */
  addDocumentsTo?: string;
}

export interface QdpxParsed extends ParsedImport {
  /** Documents to create before placing the drafts (only with addDocumentsTo). */
  newDocuments: Array<{ path: string; text: string }>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function sourceText(source: Obj, files: ReadonlyMap<string, Uint8Array>): { text: string } | { error: string } {
  const inline = source.PlainTextContent;
  if (typeof inline === 'string') return { text: normalizeText(inline) };
  if (isObj(inline) && typeof inline['#text'] === 'string') return { text: normalizeText(inline['#text']) };
  const path = typeof source.plainTextPath === 'string' ? source.plainTextPath : '';
  const internal = /^internal:\/\/(.+)$/.exec(path);
  if (!internal) return { error: `its text is at '${path || '(nowhere)'}', outside the project: only texts inside a .qdpx (internal://) or inline can be read` };
  const bytes = files.get(`Sources/${internal[1]}`) ?? files.get(internal[1]);
  if (!bytes) return { error: `its text file Sources/${internal[1]} is not in the project` };
  const decoded = decodeForeign(bytes);
  return 'error' in decoded ? { error: `its text file: ${decoded.error}` } : { text: normalizeText(decoded.text) };
}

export function matchSource(source: Obj, name: string, files: ReadonlyMap<string, Uint8Array>, ctx: QdpxImportContext, result: QdpxParsed): { path: string; text: string } | { error: string } {
  const got = sourceText(source, files);
  if ('error' in got) return got;
  const byName = matchDocument(name, ctx.documentPaths);
  if ('path' in byName) {
    const existing = ctx.texts.get(byName.path);
    if (existing === undefined || existing === got.text) return { path: byName.path, text: got.text };
    // Same name, other text: the selections' positions belong to the project's text, so re-anchoring uses it.
    result.warnings.push({ origin: `(source '${name}')`, reason: `its text differs from ${byName.path}: selections are re-anchored on the document as it is` });
    return { path: byName.path, text: got.text };
  }
  for (const [path, text] of ctx.texts) if (text === got.text) return { path, text };
  if (ctx.addDocumentsTo !== undefined) {
    const base = name.split('/').pop()!.replace(/[^\w.-]+/g, '_') || 'source';
    const taken = new Set([...ctx.documentPaths, ...result.newDocuments.map((d) => d.path)]);
    let path = `${ctx.addDocumentsTo.replace(/\/+$/, '')}/${/\.(txt|md)$/i.test(base) ? base : `${base}.txt`}`.replace(/^\//, '');
    for (let n = 2; taken.has(path); n++) path = path.replace(/(-\d+)?(\.\w+)$/, `-${n}$2`);
    result.newDocuments.push({ path, text: got.text });
    return { path, text: got.text };
  }
  return { error: `matches no workspace document by name or by content (add it with --add-documents)` };
}
