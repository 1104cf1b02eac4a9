import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileSystem } from '../../core/ports/fileSystem';
import { nodeLister } from '../../core/ports/nodeDirectoryLister';
import type { FolderModel, FolderSpec, WorkspaceChange } from '../../core/workspace/folderModel';
import { WorkspaceModel } from '../../core/workspace/workspaceModel';
import { readEntitySettings } from '../entities/entitySettings';
import { readSettings } from '../settings';
import { vscodeFileFinder, vscodeFileWatcher } from './vscodeFileWatcher';

/**
 * The editor's side of the one workspace model: builds it from the workspace folders and their
 * settings (again when either changes), shows its first load as progress, keeps its caches in the
 * extension's workspace storage, and forwards its changes as a VS Code event.
 */
export class WorkspaceModelHost implements vscode.Disposable {
  readonly model: WorkspaceModel;
  private readonly changed = new vscode.EventEmitter<WorkspaceChange>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    fs: FileSystem,
    private readonly storage: vscode.Uri | undefined,
    log: vscode.LogOutputChannel,
  ) {
    this.model = new WorkspaceModel({
      fs,
      lister: nodeLister,
      finder: vscodeFileFinder,
      watcher: vscodeFileWatcher,
      progress: (folder, task) =>
        Promise.resolve(
          vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Policy Annotator: indexing annotations' }, async (progress) => {
            await task((p) => progress.report({ message: `${p.done} of ${p.total} sidecars` }));
            await folder.index.saveCache();
          }),
        ),
      onError: (what, error) => log.error(`Policy Annotator: failed ${what}: ${String(error)}`),
    });
    const unsubscribe = this.model.onDidChange((c) => this.changed.fire(c));
    this.disposables.push(
      { dispose: unsubscribe },
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.build()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('policyAnnotator') && this.build()),
    );
    this.build();
  }

  /** The model's folder for a VS Code workspace folder. */
  folderFor(folder: vscode.WorkspaceFolder): FolderModel | undefined {
    return this.model.folder(folder.uri.fsPath);
  }

  /** The document a sidecar file belongs to (undefined for a catalogue or any other file). */
  documentOfSidecar(file: string): string | undefined {
    return this.model.folderOf(file)?.documentPathOfSidecar(file);
  }

  /** The VS Code workspace folder of a model folder. */
  workspaceFolder(folder: FolderModel): vscode.WorkspaceFolder | undefined {
    return vscode.workspace.getWorkspaceFolder(vscode.Uri.file(folder.root));
  }

  private build(): void {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    this.model.setFolders(folders.map((f) => this.spec(f, folders.length > 1)));
  }

  private spec(folder: vscode.WorkspaceFolder, multiRoot: boolean): FolderSpec {
    const { annotationsFolder, documentGlob, documentExclude } = readSettings(folder);
    const { entityCatalogues, maxDocumentSize } = readEntitySettings(folder);
    const key = createHash('sha1').update(folder.uri.toString()).digest('hex').slice(0, 12);
    const cacheFile = this.storage && path.join(this.storage.fsPath, `annotation-index-${key}.jsonl`);
    return { root: folder.uri.fsPath, name: folder.name, annotationsFolder, documentGlob, documentExclude, catalogues: entityCatalogues, maxDocumentSize, cacheFile, labelPrefix: multiRoot ? folder.name : undefined };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.model.dispose();
  }
}
