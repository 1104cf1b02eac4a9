// Every sidecar of one workspace folder, summarised for the tree view and hovers, host-free.
//
//   const index = new WorkspaceIndex({ fs, lister, root, cacheFile });
//   await index.load((p) => progress.report(p));     // background: yields between small slices
//   index.documents(); index.byId('k3m9x2qa'); index.byEntity('housing-authority');
//   index.incoming('a.txt', 'k3m9x2qa');             // links and stances that point at it
//   await index.updateDocument('a.txt');             // after its sidecar changed on disk
//
// Loading never holds the event loop for long: files are stat'ed and read in chunks, parsed one by
// one with a yield whenever a slice has run `sliceMs`, and the cache is read and written a line
// at a time. A sidecar whose size and mtime match the cache is not read at all.
import * as path from 'node:path';
import type { DirectoryLister } from '../ports/directoryLister';
import type { FileSystem } from '../ports/fileSystem';
import { isCatalogueFile } from '../store/catalogueFiles';
import { documentPathFor, sidecarPathFor } from '../store/documentPaths';
import { readIndexCache, writeIndexCache } from './indexCache';
import { ReferenceIndex, type Reference, type ReferenceField } from './referenceIndex';
import { type AnnotationSummary, type CacheEntry, type DocumentSummary, summarise } from './summaries';

export interface LoadProgress {
  /** Sidecars handled so far, of `total`; `fromCache` of them were not read. */
  done: number;
  total: number;
  fromCache: number;
}

export interface LoadResult extends LoadProgress {
  read: number;
  removed: number;
  cacheWritten: boolean;
}

export interface WorkspaceIndexOptions {
  fs: FileSystem;
  lister: DirectoryLister;
  /** Absolute path of the workspace folder. */
  root: string;
  annotationsFolder?: string;
  /** Absolute path of the cache file (e.g. in the extension's workspace storage); none: no cache. */
  cacheFile?: string;
  /** Files stat'ed and read concurrently per chunk (default 32). */
  chunkSize?: number;
  /** Longest synchronous slice before yielding, in ms (default 15). */
  sliceMs?: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

export class WorkspaceIndex {
  private readonly docs = new Map<string, { entry: CacheEntry }>();
  private readonly lookups = new ReferenceIndex();
  private readonly listeners = new Set<(documentPaths: string[]) => void>();
  private readonly annotationsFolder: string;
  private readonly chunkSize: number;
  private readonly sliceMs: number;
  private cacheDirty = false;

  constructor(private readonly o: WorkspaceIndexOptions) {
    this.annotationsFolder = o.annotationsFolder ?? 'annotations';
    this.chunkSize = o.chunkSize ?? 32;
    this.sliceMs = o.sliceMs ?? 15;
  }

  // ---- Loading and updating

  /**
   * Loads every sidecar (cached summaries where size and mtime match), drops documents whose
   * sidecar is gone, and rewrites the cache if anything changed. Safe to call again to refresh.
   */
  async load(onProgress?: (p: LoadProgress) => void, signal?: AbortSignal): Promise<LoadResult> {
    const folder = path.join(this.o.root, ...this.annotationsFolder.split('/'));
    const files = (await this.o.lister.listFiles(folder)).map((f) => this.relative(f)).filter((rel): rel is string => rel !== undefined && this.documentPathOf(rel) !== undefined);
    const cache = this.o.cacheFile && this.docs.size === 0 ? await readIndexCache(this.o.fs, this.o.cacheFile, this.annotationsFolder, yieldToEventLoop, this.sliceMs) : undefined;
    const progress: LoadProgress = { done: 0, total: files.length, fromCache: 0 };
    let read = 0;
    let t0 = performance.now();
    const pause = async (): Promise<void> => {
      if (performance.now() - t0 < this.sliceMs) return;
      await yieldToEventLoop();
      signal?.throwIfAborted();
      t0 = performance.now();
    };
    for (let i = 0; i < files.length; i += this.chunkSize) {
      signal?.throwIfAborted();
      const chunk = files.slice(i, i + this.chunkSize);
      const stats = await Promise.all(chunk.map((rel) => this.o.fs.stat(this.absolute(rel))));
      const stale: number[] = [];
      chunk.forEach((rel, k) => {
        const stat = stats[k];
        const known = this.docs.get(this.documentPathOf(rel)!)?.entry ?? cache?.get(rel);
        if (stat && known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
          if (!this.docs.has(known.summary.documentPath)) this.put(known);
          progress.fromCache++;
          progress.done++;
        } else stale.push(k);
      });
      const texts = await Promise.all(stale.map((k) => this.o.fs.readBytes(this.absolute(chunk[k]))));
      t0 = performance.now();
      for (let s = 0; s < stale.length; s++) {
        const rel = chunk[stale[s]];
        const stat = stats[stale[s]];
        const bytes = texts[s];
        if (stat && bytes) this.put(summarise(rel, this.documentPathOf(rel)!, new TextDecoder('utf-8').decode(bytes), stat));
        read++;
        progress.done++;
        await pause();
      }
      onProgress?.({ ...progress });
      await pause();
    }
    const present = new Set(files.map((rel) => this.documentPathOf(rel)));
    const gone = [...this.docs.keys()].filter((d) => !present.has(d));
    for (const d of gone) this.remove(d);
    if (read || gone.length || (this.o.cacheFile && !cache)) this.cacheDirty = true;
    const cacheWritten = await this.saveCache();
    if (read || gone.length) this.emit([...gone, ...files.map((rel) => this.documentPathOf(rel)!)]);
    return { ...progress, read, removed: gone.length, cacheWritten };
  }

  /** Re-reads one document's sidecar (changed, created or deleted on disk). Returns its summary, if it has one. */
  async updateDocument(documentPath: string): Promise<DocumentSummary | undefined> {
    const rel = sidecarPathFor(documentPath, this.annotationsFolder);
    const file = this.absolute(rel);
    const [stat, bytes] = await Promise.all([this.o.fs.stat(file), this.o.fs.readBytes(file)]);
    if (!stat || !bytes) {
      if (this.docs.has(documentPath)) {
        this.remove(documentPath);
        this.cacheDirty = true;
        this.emit([documentPath]);
      }
      return undefined;
    }
    const entry = summarise(rel, documentPath, new TextDecoder('utf-8').decode(bytes), stat);
    this.put(entry);
    this.cacheDirty = true;
    this.emit([documentPath]);
    return entry.summary;
  }

  /** Takes a sidecar text the caller already has (e.g. just saved), with the file facts it was written with. */
  setDocument(documentPath: string, text: string, stat: { size: number; mtimeMs: number }): DocumentSummary {
    const entry = summarise(sidecarPathFor(documentPath, this.annotationsFolder), documentPath, text, stat);
    this.put(entry);
    this.cacheDirty = true;
    this.emit([documentPath]);
    return entry.summary;
  }

  /** Writes the cache if it is out of date. Returns whether it wrote. */
  async saveCache(): Promise<boolean> {
    if (!this.o.cacheFile || !this.cacheDirty) return false;
    const entries = [...this.docs.values()].map((d) => d.entry);
    await writeIndexCache(this.o.fs, this.o.cacheFile, this.annotationsFolder, entries, yieldToEventLoop, this.sliceMs);
    this.cacheDirty = false;
    return true;
  }

  /** Called with the document paths whose summaries changed; returns an unsubscribe function. */
  onDidChange(listener: (documentPaths: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- Lookups

  documents(): DocumentSummary[] {
    return [...this.docs.values()].map((d) => d.entry.summary).sort((a, b) => (a.documentPath < b.documentPath ? -1 : a.documentPath > b.documentPath ? 1 : 0));
  }

  document(documentPath: string): DocumentSummary | undefined {
    return this.docs.get(documentPath)?.entry.summary;
  }

  /** Annotations with this id anywhere in the folder (more than one only if ids clash). */
  byId(id: string): readonly AnnotationSummary[] {
    return this.lookups.byId(id);
  }

  /** The annotation a reference (`path#id`, or `#id` read in `fromDocument`) points at. */
  resolve(ref: string, fromDocument: string): AnnotationSummary | undefined {
    return this.lookups.resolve(ref, fromDocument);
  }

  /** Annotations whose speaker, holder, target, from or to is this entity id. */
  byEntity(entityId: string): readonly Reference[] {
    return this.lookups.byEntity(entityId);
  }

  /** Entity ids referred to anywhere, with how many references each has. */
  entityCounts(): Map<string, number> {
    return this.lookups.entityCounts();
  }

  /** Links and stances that point at this annotation (their from, to or target). */
  incoming(documentPath: string, id: string): readonly Reference[] {
    return this.lookups.incoming(documentPath, id);
  }

  /** What this annotation points at: each of its from/to/target that names an existing annotation. */
  outgoing(documentPath: string, id: string): Array<{ field: ReferenceField; annotation: AnnotationSummary }> {
    return this.lookups.outgoing(documentPath, id);
  }

  get annotationCount(): number {
    let n = 0;
    for (const d of this.docs.values()) n += d.entry.summary.annotations.length + (d.entry.summary.links?.length ?? 0);
    return n;
  }

  // ---- Internals

  private put(entry: CacheEntry): void {
    const documentPath = entry.summary.documentPath;
    if (this.docs.has(documentPath)) this.remove(documentPath);
    this.docs.set(documentPath, { entry });
    this.lookups.add(entry.summary);
  }

  private remove(documentPath: string): void {
    const doc = this.docs.get(documentPath);
    if (!doc) return;
    this.docs.delete(documentPath);
    this.lookups.remove(doc.entry.summary);
  }

  private emit(documentPaths: string[]): void {
    for (const l of this.listeners) l(documentPaths);
  }

  private relative(file: string): string | undefined {
    const rel = path.relative(this.o.root, file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  private absolute(rel: string): string {
    return path.join(this.o.root, ...rel.split('/'));
  }

  private documentPathOf(rel: string): string | undefined {
    return isCatalogueFile(rel) ? undefined : documentPathFor(rel, this.annotationsFolder);
  }
}
