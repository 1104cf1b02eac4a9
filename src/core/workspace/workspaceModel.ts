// The one model of the workspace, host-free: per folder its sidecars (index), entity catalogue and
// documents' mentions, fed by one watcher port and read by every view, hover, diagnostic and the
// CLI. See docs/architecture.md.
//
//   const model = new WorkspaceModel({ fs, lister: nodeLister, finder, watcher });   // watcher optional
//   model.setFolders([{ root, name, annotationsFolder: 'annotations', documentGlob, catalogues, maxDocumentSize }]);
//   await model.ready();
//   model.folders()[0].index.documents(); model.folderOf(file)?.catalogue?.index.entity('acme');
//   model.onDidChange((c) => c.kind === 'index' && refresh(c.folder, c.documentPaths));
import * as path from 'node:path';
import type { DirectoryLister } from '../ports/directoryLister';
import type { FileFinder } from '../ports/fileFinder';
import type { FileSystem } from '../ports/fileSystem';
import type { FileWatcher } from '../ports/fileWatcher';
import { FolderModel, type FolderSpec, type WorkspaceChange } from './folderModel';
import type { LoadProgress } from './workspaceIndex';

export interface WorkspaceModelOptions {
  fs: FileSystem;
  lister: DirectoryLister;
  /** Needed for mentions and globbed catalogue entries; without it those stay empty. */
  finder?: FileFinder;
  /** Without a watcher (the CLI) the model is a snapshot: call reloadFolder or setFolders to refresh. */
  watcher?: FileWatcher;
  /** Runs each folder's first index load, e.g. inside a progress indicator; default: just runs it. */
  progress?: (folder: FolderModel, task: (report: (p: LoadProgress) => void) => Promise<void>) => Promise<void>;
  onError?: (what: string, error: unknown) => void;
}

export class WorkspaceModel {
  private list: FolderModel[] = [];
  private readonly listeners = new Set<(change: WorkspaceChange) => void>();

  constructor(private readonly o: WorkspaceModelOptions) {}

  /** Sets the workspace's folders; a folder whose spec is unchanged keeps its loaded state. */
  setFolders(specs: readonly FolderSpec[]): void {
    const old = new Map(this.list.map((f) => [f.root, f]));
    this.list = specs.map((spec) => {
      const kept = old.get(spec.root);
      if (kept && JSON.stringify(kept.spec) === JSON.stringify(spec)) {
        old.delete(spec.root);
        return kept;
      }
      return this.create(spec);
    });
    for (const gone of old.values()) gone.dispose();
    this.emit({ kind: 'folders' });
  }

  /** Drops and re-reads one folder (the CLI after writing, or a manual reload). */
  reloadFolder(root: string): FolderModel | undefined {
    const i = this.list.findIndex((f) => f.root === root);
    if (i < 0) return undefined;
    this.list[i].dispose();
    this.list[i] = this.create(this.list[i].spec);
    this.emit({ kind: 'folders' });
    return this.list[i];
  }

  folders(): readonly FolderModel[] {
    return this.list;
  }

  folder(root: string): FolderModel | undefined {
    return this.list.find((f) => f.root === root);
  }

  /** The folder a file is in (the innermost, when folders nest). */
  folderOf(file: string): FolderModel | undefined {
    let best: FolderModel | undefined;
    for (const f of this.list) {
      const rel = path.relative(f.root, file);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      if (!best || f.root.length > best.root.length) best = f;
    }
    return best;
  }

  /** Resolves once every folder's index and catalogue have loaded. */
  async ready(): Promise<void> {
    await Promise.all(this.list.flatMap((f) => [f.ready, f.catalogueReady]));
  }

  /** Called with every change; returns an unsubscribe function. */
  onDidChange(listener: (change: WorkspaceChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    for (const f of this.list) f.dispose();
    this.list = [];
    this.listeners.clear();
  }

  private create(spec: FolderSpec): FolderModel {
    const { fs, lister, finder, watcher } = this.o;
    return new FolderModel(spec, {
      fs,
      lister,
      finder,
      watcher,
      progress: this.o.progress ?? ((_folder, task) => task(() => undefined)),
      emit: (change) => this.emit(change),
      onError: this.o.onError ?? (() => undefined),
    });
  }

  private emit(change: WorkspaceChange): void {
    for (const l of this.listeners) l(change);
  }
}
