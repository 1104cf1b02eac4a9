// The workspace index's cache file: JSON lines, a versioned header then one sidecar per line, so it
// is written and read a line at a time with yields in between (one JSON.parse of tens of MB would
// block the extension host for hundreds of ms). Entries are trusted only while the sidecar's size
// and mtime are unchanged.
import type { FileSystem } from '../ports/fileSystem';
import type { CacheEntry } from './summaries';

// 2: summaries carry note, author, modified and the review reason.
// 3: summaries carry the document's metadata.
// 4: summaries carry anchorless links (issue 16).
// 5: summaries carry supersededBy and curatedFrom (adjudication).
export const INDEX_CACHE_VERSION = 5;

export interface CacheHeader {
  kind: 'policy-annotator-index';
  version: number;
  annotationsFolder: string;
  count: number;
}

/** Runs between slices of work; resolves when the event loop has had a turn. */
export type Yield = () => Promise<void>;

export async function writeIndexCache(fs: FileSystem, file: string, annotationsFolder: string, entries: Iterable<CacheEntry>, pause: Yield, sliceMs: number): Promise<void> {
  const list = [...entries];
  const header: CacheHeader = { kind: 'policy-annotator-index', version: INDEX_CACHE_VERSION, annotationsFolder, count: list.length };
  // Encoded a few lines at a time, so neither the whole JSON string nor a long stretch is ever needed.
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [encoder.encode(JSON.stringify(header) + '\n')];
  let total = chunks[0].length;
  let t0 = performance.now();
  let lines: string[] = [];
  const flush = (): void => {
    const bytes = encoder.encode(lines.join(''));
    chunks.push(bytes);
    total += bytes.length;
    lines = [];
  };
  for (const entry of list) {
    lines.push(JSON.stringify(entry) + '\n');
    if (lines.length >= 16) flush();
    if (performance.now() - t0 > sliceMs) {
      await pause();
      t0 = performance.now();
    }
  }
  flush();
  // One buffer for the atomic write, filled with yields: copying tens of MB at once is a long stretch.
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
    if (performance.now() - t0 > sliceMs) {
      await pause();
      t0 = performance.now();
    }
  }
  await fs.writeAtomic(file, out);
}

/** The cached entries by sidecar path, or undefined when there is no usable cache (missing, other version, damaged). */
export async function readIndexCache(fs: FileSystem, file: string, annotationsFolder: string, pause: Yield, sliceMs: number): Promise<Map<string, CacheEntry> | undefined> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await fs.readBytes(file);
  } catch {
    return undefined;
  }
  if (!bytes) return undefined;
  const decoder = new TextDecoder('utf-8');
  const out = new Map<string, CacheEntry>();
  let header: CacheHeader | undefined;
  let t0 = performance.now();
  let pos = 0;
  try {
    while (pos < bytes.length) {
      let nl = bytes.indexOf(10, pos);
      if (nl < 0) nl = bytes.length;
      const line = decoder.decode(bytes.subarray(pos, nl));
      pos = nl + 1;
      if (!line) continue;
      const value: unknown = JSON.parse(line);
      if (!header) {
        header = value as CacheHeader;
        if (header?.kind !== 'policy-annotator-index' || header.version !== INDEX_CACHE_VERSION || header.annotationsFolder !== annotationsFolder) return undefined;
        continue;
      }
      const entry = value as CacheEntry;
      if (!isEntry(entry)) return undefined;
      out.set(entry.sidecar, entry);
      if (performance.now() - t0 > sliceMs) {
        await pause();
        t0 = performance.now();
      }
    }
  } catch {
    return undefined;
  }
  // A cache cut short (a crash mid-write cannot happen with atomic writes, but a copy can) is not used.
  return header && out.size === header.count ? out : undefined;
}

function isEntry(e: CacheEntry): boolean {
  return (
    e !== null &&
    typeof e === 'object' &&
    typeof e.sidecar === 'string' &&
    typeof e.size === 'number' &&
    typeof e.mtimeMs === 'number' &&
    typeof e.summary?.documentPath === 'string' &&
    Array.isArray(e.summary.annotations)
  );
}
