import * as vscode from 'vscode';
import type { Supersession } from '../../core/agreement/superseded';
import { sidecarPathFor } from '../../core/store/documentPaths';
import { locateSupersessionProblems } from '../../core/workspace/checkReferences';
import { ProblemDiagnostics } from '../annotations/problemDiagnostics';
import { readSettings } from '../settings';
import type { WorkspaceAnnotations } from '../workspace/workspaceAnnotations';

/**
 * A `supersededBy` that names no annotation in the workspace folder (or leads round in a ring), in the
 * Problems view at its line of the sidecar, as `validate` reports it. Kept in a collection of its own:
 * the per-sidecar collection is replaced whenever a sidecar is read, and this needs the whole folder.
 */
export class SupersessionDiagnostics implements vscode.Disposable {
  private readonly diagnostics = new ProblemDiagnostics('policy-annotator-supersession');
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];
  private shown = new Set<string>();
  private pending: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly workspace: WorkspaceAnnotations) {
    this.disposables.push(workspace.onDidChange(() => this.schedule()));
    this.schedule(0);
  }

  /** Resolves once the Problems view reflects every change so far (tests). */
  async settled(): Promise<void> {
    while (this.pending) await new Promise((r) => setTimeout(r, 50));
    await this.running;
  }

  private schedule(delay = 300): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.running = this.running.then(() => this.update()).catch(() => undefined);
    }, delay);
  }

  private async update(): Promise<void> {
    const files = new Map<string, { uri: vscode.Uri; name: string; messages: Map<string, string> }>();
    const add = (folder: vscode.WorkspaceFolder, documentPath: string, id: string, s: Supersession | undefined) => {
      if (!s || s.superseded) return;
      const name = sidecarPathFor(documentPath, readSettings(folder).annotationsFolder);
      const uri = vscode.Uri.joinPath(folder.uri, ...name.split('/'));
      const file = files.get(uri.toString()) ?? { uri, name, messages: new Map<string, string>() };
      file.messages.set(id, s.problem);
      files.set(uri.toString(), file);
    };
    for (const e of await this.workspace.entries({ superseded: true })) add(e.folder, e.documentPath, e.annotation.id, e.supersession);
    for (const l of await this.workspace.links({ superseded: true })) add(l.folder, l.documentPath, l.link.id, l.supersession);
    for (const { uri, name, messages } of files.values()) {
      const bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => undefined);
      this.diagnostics.set(uri, bytes ? locateSupersessionProblems(name, new TextDecoder('utf-8').decode(bytes), messages) : []);
    }
    for (const gone of [...this.shown].filter((u) => !files.has(u))) this.diagnostics.set(vscode.Uri.parse(gone), []);
    this.shown = new Set(files.keys());
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}
