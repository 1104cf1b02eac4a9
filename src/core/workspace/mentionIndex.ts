// Catalogue mentions in every document of one folder, as read from disk: for the Entities view's
// counts, Find All References and the hover's "mentioned in". Scanned in the background on first
// use, then kept one file at a time as the watcher reports changes (and whole again when the
// catalogue changes). Open documents' live mentions are the editor's to overlay.
import { normalizeText } from '../anchoring/normalize';
import type { Mention } from '../entities/types';
import type { FileFinder } from '../ports/fileFinder';
import type { FileSystem } from '../ports/fileSystem';
import { toWorkspaceRelative } from '../store/documentPaths';
import type { CatalogueSnapshot } from './catalogueSnapshot';
import { documentSet } from './documentSet';

/** Per entity: start line, start column, end line, end column, for each mention (lines of the normalised text). */
export type FlatRanges = number[];

interface FileMentions {
  mtimeMs: number;
  size: number;
  generation: number;
  byEntity: Map<string, FlatRanges>;
}

export interface MentionIndexOptions {
  fs: FileSystem;
  finder: FileFinder | undefined;
  root: string;
  documentGlob: string;
  /** policyAnnotator.documentExclude (none given: nothing more is left out). */
  documentExclude?: readonly string[];
  annotationsFolder: string;
  /** Documents longer than this (characters) are not scanned. */
  maxChars: number;
  catalogue: () => CatalogueSnapshot | undefined;
  /** Told after each scan or file update that changed what is known. */
  onChange: () => void;
  onError: (error: unknown) => void;
}

const MAX_FILES = 10_000;
const utf8 = new TextDecoder('utf-8');
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class MentionIndex {
  private readonly files = new Map<string, FileMentions>();
  private started = false;
  private chain: Promise<void> = Promise.resolve();
  private queued = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  private readonly isDocument: (relativePath: string) => boolean;

  constructor(private readonly o: MentionIndexOptions) {
    this.isDocument = documentSet({ documentGlob: o.documentGlob, documentExclude: o.documentExclude ?? [], annotationsFolder: o.annotationsFolder });
  }

  /** True once a scan finished and nothing is waiting. */
  get current(): boolean {
    return this.started && this.queued === 0 && !this.timer;
  }

  /** Starts the background scan if it has not run; resolves when every queued scan is done. */
  ensure(): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.enqueue(() => this.scanAll());
    }
    return this.whenDone();
  }

  /** Rescans everything (after `delayMs`) if the index is in use: the catalogue or the settings changed. */
  rescanAll(delayMs: number): void {
    if (!this.started) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.enqueue(() => this.scanAll());
    }, delayMs);
  }

  /** A document file was created, changed or deleted on disk: re-read just that one. */
  fileChanged(file: string): void {
    if (this.started) this.enqueue(async () => void (await this.scanFile(file, this.o.catalogue())));
  }

  /** Every scanned document (root-relative path) with its mentions by entity. */
  entries(): IterableIterator<[string, ReadonlyMap<string, FlatRanges>]> {
    return [...this.files].map(([documentPath, f]) => [documentPath, f.byEntity] as [string, ReadonlyMap<string, FlatRanges>]).values();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.started = false;
  }

  private async whenDone(): Promise<void> {
    while (this.timer || this.queued) {
      if (this.queued) await this.chain;
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private enqueue(work: () => Promise<void>): void {
    this.queued++;
    this.chain = this.chain
      .then(work)
      .catch((error: unknown) => this.o.onError(error))
      .finally(() => {
        this.queued--;
        this.o.onChange();
      });
  }

  private async scanAll(): Promise<void> {
    const catalogue = this.o.catalogue();
    if (!catalogue || !this.o.finder) return;
    const seen = new Set<string>();
    for (const file of await this.o.finder.find(this.o.root, this.o.documentGlob, MAX_FILES)) {
      const documentPath = this.documentPathOf(file);
      if (!documentPath) continue;
      seen.add(documentPath);
      if (await this.scanFile(file, catalogue)) await breathe(); // let the editor breathe between files
    }
    for (const key of [...this.files.keys()]) if (!seen.has(key)) this.files.delete(key);
  }

  /** Reads and scans one document unless its size, mtime and catalogue are unchanged; true when it read. */
  private async scanFile(file: string, catalogue: CatalogueSnapshot | undefined): Promise<boolean> {
    const documentPath = this.documentPathOf(file);
    if (!documentPath || !catalogue) return false;
    const stat = await this.o.fs.stat(file);
    const cached = this.files.get(documentPath);
    if (!stat || stat.size > this.o.maxChars * 4) {
      this.files.delete(documentPath);
      return false;
    }
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && cached.generation === catalogue.generation) return false;
    const bytes = await this.o.fs.readBytes(file);
    const text = bytes && normalizeText(utf8.decode(bytes));
    if (text === undefined || text.length > this.o.maxChars) this.files.delete(documentPath);
    else this.files.set(documentPath, { mtimeMs: stat.mtimeMs, size: stat.size, generation: catalogue.generation, byEntity: byEntity(text, catalogue.index.scan(text)) });
    return true;
  }

  private documentPathOf(file: string): string | undefined {
    const rel = toWorkspaceRelative(this.o.root, file);
    return rel && this.isDocument(rel) ? rel : undefined;
  }
}

/** Line/column ranges of each entity's mentions; lines and columns of normalised text match the editor's. */
function byEntity(text: string, mentions: readonly Mention[]): Map<string, FlatRanges> {
  const out = new Map<string, FlatRanges>();
  let line = 0;
  let lineStart = 0;
  let scanned = 0;
  const position = (offset: number): [number, number] => {
    for (; scanned < offset; scanned++) {
      if (text.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    return [line, offset - lineStart];
  };
  for (const m of mentions) {
    const list = out.get(m.entityId) ?? [];
    list.push(...position(m.start), ...position(m.end));
    out.set(m.entityId, list);
  }
  return out;
}
