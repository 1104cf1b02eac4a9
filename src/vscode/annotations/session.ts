import * as vscode from 'vscode';
import { FileSystem } from '../../core/ports/fileSystem';
import { Git } from '../../core/ports/git';
import { LoadedSidecar, SidecarStore } from '../../core/store/sidecarStore';
import { DocumentAnnotations } from '../../core/workspace/documentAnnotations';
import { toNormalizedChanges } from './documentOffsets';
import { ProblemDiagnostics } from './problemDiagnostics';

/** One open document's annotations: its sidecar store and the live, anchored model. */
export interface Session {
  uri: vscode.Uri;
  folder: vscode.WorkspaceFolder;
  store: SidecarStore;
  model: DocumentAnnotations;
  /** Changes that arrived while the sidecar was loading, replayed once it is anchored. */
  queued: ReturnType<typeof toNormalizedChanges>[] | undefined;
  ready: Promise<void>;
}

export interface ServiceDeps {
  fs: FileSystem;
  /** Git for trusted workspaces; a no-op in Restricted Mode. */
  git: () => Git;
  log: vscode.LogOutputChannel;
  diagnostics: ProblemDiagnostics;
}

/** What the load, save and reload steps need from the service that owns the sessions. */
export interface SessionHost {
  readonly deps: ServiceDeps;
  /** Tells listeners (decorations, trees, status bar) that the session's annotations changed. */
  notify(session: Session): void;
  /** Shows a loaded sidecar's problems in the Problems view and the log. */
  report(loaded: LoadedSidecar): void;
  /** Runs `show` once per distinct `key` (a warning not repeated on every save). */
  once(key: string, show: () => void): void;
}

/** The open editor document of a session, if it is still open. */
export function documentOf(session: Session): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === session.uri.toString());
}
