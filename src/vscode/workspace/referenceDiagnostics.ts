import * as vscode from 'vscode';
import type { Supersession } from '../../core/agreement/superseded';
import type { SidecarEntry } from '../../core/model';
import { sidecarPathFor } from '../../core/store/documentPaths';
import { locateReferenceProblems, type ReferenceProblem } from '../../core/workspace/checkReferences';
import { missingLinkEnd } from '../../core/workspace/needsReview';
import { ProblemDiagnostics } from '../annotations/problemDiagnostics';
import { readSettings } from '../settings';
import type { WorkspaceAnnotations } from './workspaceAnnotations';

/**
 * References that name nothing, in the Problems view at their line of the sidecar, as `validate`
 * reports them: a link end whose annotation was deleted (here or in another document), and a
 * `supersededBy` that names no annotation in the workspace folder (or leads round in a ring). Kept in
 * a collection of its own: the per-sidecar collection is replaced whenever a sidecar is read, and
 * these need the whole folder.
 */
export class ReferenceDiagnostics implements vscode.Disposable {
  private readonly diagnostics = new ProblemDiagnostics('policy-annotator-references');
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
    const files = new Map<string, { uri: vscode.Uri; name: string; problems: ReferenceProblem[] }>();
    const add = (folder: vscode.WorkspaceFolder, documentPath: string, entry: SidecarEntry, s: Supersession | undefined) => {
      // A superseded version is not current: its references are the curated version's business.
      if (s?.superseded) return;
      const problems: ReferenceProblem[] = [];
      if (s) problems.push({ id: entry.id, field: 'supersededBy', message: s.problem });
      const broken = missingLinkEnd(entry, documentPath, (path, id) => this.workspace.exists(folder, path, id));
      if (broken) problems.push({ id: entry.id, ...broken });
      if (!problems.length) return;
      const name = sidecarPathFor(documentPath, readSettings(folder).annotationsFolder);
      const uri = vscode.Uri.joinPath(folder.uri, ...name.split('/'));
      const file = files.get(uri.toString()) ?? { uri, name, problems: [] };
      file.problems.push(...problems);
      files.set(uri.toString(), file);
    };
    for (const e of await this.workspace.entries({ superseded: true })) add(e.folder, e.documentPath, e.annotation, e.supersession);
    for (const l of await this.workspace.links({ superseded: true })) add(l.folder, l.documentPath, l.link, l.supersession);
    for (const { uri, name, problems } of files.values()) {
      const bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => undefined);
      this.diagnostics.set(uri, bytes ? locateReferenceProblems(name, new TextDecoder('utf-8').decode(bytes), problems) : []);
    }
    for (const gone of [...this.shown].filter((u) => !files.has(u))) this.diagnostics.set(vscode.Uri.parse(gone), []);
    this.shown = new Set(files.keys());
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}
