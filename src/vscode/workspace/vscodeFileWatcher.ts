import * as vscode from 'vscode';
import type { FileChange, FileWatcher } from '../../core/ports/fileWatcher';
import type { FileFinder } from '../../core/ports/fileFinder';

// The only module that creates VS Code file system watchers: the workspace model's watcher port
// (core/ports/fileWatcher.ts). Every other part of the editor learns of file changes from the model.

export const vscodeFileWatcher: FileWatcher = {
  watch(root, glob, onChange) {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(base(root), glob));
    const report = (kind: FileChange['kind']) => (uri: vscode.Uri) => uri.scheme === 'file' && onChange({ kind, path: uri.fsPath });
    const subscriptions = [watcher, watcher.onDidCreate(report('created')), watcher.onDidChange(report('changed')), watcher.onDidDelete(report('deleted'))];
    return { dispose: () => subscriptions.forEach((d) => d.dispose()) };
  },
};

/** Finds files with VS Code's search, which honours files.exclude and skips node_modules. */
export const vscodeFileFinder: FileFinder = {
  async find(root, glob, limit) {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(base(root), glob), '**/node_modules/**', limit);
    return uris.filter((u) => u.scheme === 'file').map((u) => u.fsPath);
  },
};

/** The workspace folder itself when `root` is one, so VS Code reuses its workspace watcher and excludes. */
function base(root: string): vscode.WorkspaceFolder | vscode.Uri {
  const uri = vscode.Uri.file(root);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder && folder.uri.fsPath === uri.fsPath ? folder : uri;
}
