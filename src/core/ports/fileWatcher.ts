/**
 * The one watcher port the workspace model is fed by. The editor implements it over VS Code's
 * file system watcher (src/vscode/workspace/vscodeFileWatcher.ts); the CLI runs without one.
 */
export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange {
  kind: FileChangeKind;
  /** Absolute path. */
  path: string;
}

export interface WatchHandle {
  dispose(): void;
}

export interface FileWatcher {
  /** Reports every change of a file under `root` whose root-relative path matches `glob`. */
  watch(root: string, glob: string, onChange: (change: FileChange) => void): WatchHandle;
}
