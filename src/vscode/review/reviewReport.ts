import * as vscode from 'vscode';
import { DiffReport } from '../../core/diff';
import { TaskControl } from '../../core/ports/progress';
import { Problem } from '../../core/problem';
import { diffAnnotations } from '../../core/services/diffService';
import { DiffRevision } from '../../core/services/diffSides';
import { readSettings } from '../settings';

export interface ReviewReport {
  folder: vscode.WorkspaceFolder;
  /** What the working tree is compared with, as the person chose it (e.g. `HEAD`, `merge base with main`). */
  baseLabel: string;
  commit?: string;
  report: DiffReport;
  /** Sidecars that could not be read: left out of the review. */
  problems: Problem[];
}

/** Every annotation added, removed or changed between the base and the sidecars in the working tree (the core diff service, which runs git). */
export async function buildReviewReport(folder: vscode.WorkspaceFolder, base: DiffRevision, control: TaskControl): Promise<ReviewReport> {
  const result = await diffAnnotations({ root: folder.uri.fsPath, annotationsFolder: readSettings(folder).annotationsFolder, before: base }, control);
  return { folder, baseLabel: result.before.label, commit: result.before.commit, report: result.report, problems: result.problems };
}
