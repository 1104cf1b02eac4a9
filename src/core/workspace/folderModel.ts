// One workspace folder in the workspace model: its sidecars (the index), its entity catalogue and
// its documents' mentions, each kept current from the file changes the watcher port reports.
import * as path from 'node:path';
import type { DirectoryLister } from '../ports/directoryLister';
import type { FileFinder } from '../ports/fileFinder';
import type { FileSystem } from '../ports/fileSystem';
import type { FileChange, FileChangeKind, FileWatcher, WatchHandle } from '../ports/fileWatcher';
import { documentPathFor, toWorkspaceRelative } from '../store/documentPaths';
import { type CatalogueSnapshot, loadCatalogueSnapshot } from './catalogueSnapshot';
import { MentionIndex } from './mentionIndex';
import { type LoadProgress, WorkspaceIndex } from './workspaceIndex';

/** What changed in the workspace model; listeners refresh what they show from it. */
export type WorkspaceChange =
  /** Folders were added, removed or re-read with new settings. */
  | { kind: 'folders' }
  /** A sidecar file changed on disk, reported as it happens (before the index has re-read it). */
  | { kind: 'sidecar-file'; folder: FolderModel; documentPath: string; path: string; change: FileChangeKind }
  /** The index's summaries of these documents changed. */
  | { kind: 'index'; folder: FolderModel; documentPaths: string[] }
  /** The folder's entity catalogue was (re)loaded. */
  | { kind: 'catalogue'; folder: FolderModel }
  /** The mentions read from the folder's documents changed. */
  | { kind: 'mentions'; folder: FolderModel };

/** What the model needs to know of one folder: where it is and its settings. */
export interface FolderSpec {
  /** Absolute path. */
  root: string;
  name: string;
  annotationsFolder: string;
  documentGlob: string;
  /** policyAnnotator.documentExclude. */
  documentExclude?: readonly string[];
  /** policyAnnotator.entityCatalogues. */
  catalogues: readonly string[];
  /** Documents longer than this (characters) are not scanned for mentions. */
  maxDocumentSize: number;
  /** Where the index caches its summaries; none: no cache. */
  cacheFile?: string;
  /** Put before catalogue file labels in problems (the folder's name, in a multi-root workspace). */
  labelPrefix?: string;
}

export interface FolderPorts {
  fs: FileSystem;
  lister: DirectoryLister;
  finder?: FileFinder;
  watcher?: FileWatcher;
  /** Runs the index's first load, e.g. inside the editor's progress indicator. */
  progress: (folder: FolderModel, task: (report: (p: LoadProgress) => void) => Promise<void>) => Promise<void>;
  emit: (change: WorkspaceChange) => void;
  onError: (what: string, error: unknown) => void;
}

export class FolderModel {
  readonly index: WorkspaceIndex;
  readonly mentions: MentionIndex;
  private snapshot: CatalogueSnapshot | undefined;
  /** Resolves once the index has loaded (never rejects). */
  readonly ready: Promise<void>;
  /** Resolves once the catalogue has loaded the first time (never rejects). */
  readonly catalogueReady: Promise<void>;
  private catalogueLoad: Promise<void> = Promise.resolve();
  private readonly handles: WatchHandle[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private disposed = false;

  constructor(
    readonly spec: FolderSpec,
    private readonly ports: FolderPorts,
  ) {
    const { fs, lister, finder } = ports;
    this.index = new WorkspaceIndex({ fs, lister, root: spec.root, annotationsFolder: spec.annotationsFolder, cacheFile: spec.cacheFile });
    this.mentions = new MentionIndex({
      fs,
      finder,
      root: spec.root,
      documentGlob: spec.documentGlob,
      documentExclude: spec.documentExclude,
      annotationsFolder: spec.annotationsFolder,
      maxChars: spec.maxDocumentSize,
      catalogue: () => this.snapshot,
      onChange: () => this.emitUnlessDisposed({ kind: 'mentions', folder: this }),
      onError: (error) => ports.onError(`scanning the documents of ${spec.name} for entities`, error),
    });
    this.index.onDidChange((documentPaths) => this.emitUnlessDisposed({ kind: 'index', folder: this, documentPaths }));
    this.ready = ports
      .progress(this, async (report) => {
        await this.index.load(report);
      })
      .catch((error: unknown) => ports.onError(`indexing the annotations of ${spec.name}`, error));
    this.catalogueReady = this.reloadCatalogue();
    this.watch();
  }

  get root(): string {
    return this.spec.root;
  }

  get name(): string {
    return this.spec.name;
  }

  /** The entity catalogue as last loaded (undefined until the first load finishes). */
  get catalogue(): CatalogueSnapshot | undefined {
    return this.snapshot;
  }

  /** Loads the catalogue again (loads never overlap); resolves when it is in place. */
  reloadCatalogue(): Promise<void> {
    this.catalogueLoad = this.catalogueLoad.then(async () => {
      if (this.disposed) return;
      try {
        const { fs, finder } = this.ports;
        this.snapshot = await loadCatalogueSnapshot({ fs, finder, root: this.spec.root, entries: this.spec.catalogues, labelPrefix: this.spec.labelPrefix });
      } catch (error) {
        this.ports.onError(`loading the entity catalogue of ${this.spec.name}`, error);
        return;
      }
      this.emitUnlessDisposed({ kind: 'catalogue', folder: this });
      this.mentions.rescanAll(300);
    });
    return this.catalogueLoad;
  }

  /**
   * The document a sidecar file belongs to, or undefined (not a sidecar of this folder, or a catalogue:
   * by its name, or because policyAnnotator.entityCatalogues names it).
   */
  documentPathOfSidecar(file: string): string | undefined {
    const rel = toWorkspaceRelative(this.spec.root, file);
    if (!rel || this.snapshot?.paths.some((p) => path.resolve(p) === path.resolve(file))) return undefined;
    return documentPathFor(rel, this.spec.annotationsFolder);
  }

  dispose(): void {
    this.disposed = true;
    for (const h of this.handles) h.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    this.mentions.dispose();
    void this.index.saveCache().catch(() => undefined);
  }

  private watch(): void {
    const watcher = this.ports.watcher;
    if (!watcher) return;
    const { root, annotationsFolder, documentGlob, catalogues } = this.spec;
    this.handles.push(watcher.watch(root, `${annotationsFolder}/**/*.yaml`, (c) => this.sidecarChanged(c)));
    this.handles.push(watcher.watch(root, documentGlob, (c) => this.mentions.fileChanged(c.path)));
    // Saving from an editor or a checkout can fire several events at once: load once.
    for (const entry of catalogues) this.handles.push(watcher.watch(root, entry, () => this.later('catalogue', 30, () => void this.reloadCatalogue())));
  }

  /** A sidecar changed on disk (any writer: this window, another one, the CLI, git): re-read just that one. */
  private sidecarChanged(change: FileChange): void {
    const documentPath = this.documentPathOfSidecar(change.path);
    if (!documentPath) return;
    this.emitUnlessDisposed({ kind: 'sidecar-file', folder: this, documentPath, path: change.path, change: change.kind });
    void this.ready
      .then(() => this.index.updateDocument(documentPath))
      .then(() => this.later('cache', 2000, () => void this.index.saveCache().catch(() => undefined)))
      .catch((error: unknown) => this.ports.onError(`re-reading ${change.path}`, error));
  }

  private later(key: string, delayMs: number, run: () => void): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!this.disposed) run();
      }, delayMs),
    );
  }

  private emitUnlessDisposed(change: WorkspaceChange): void {
    if (!this.disposed) this.ports.emit(change);
  }
}
