import * as vscode from 'vscode';
import { pickItem } from '../quickPick';
import { showValue } from '../../core/diff';
import { listBranches } from '../../core/gitIntegration/revisionSidecars';
import { CancelledError } from '../../core/ports/progress';
import { formatProblem } from '../../core/problem';
import { InputError } from '../../core/services/common/inputError';
import { AnnotationService } from '../annotations/annotationService';
import { toNormalizedOffset, toRange } from '../annotations/documentOffsets';
import { CommandIds, ContextKeys } from '../commandIds';
import { UserError } from '../editing/commandTarget';
import { registerCommandTable } from '../registerCommandTable';
import { pickFolder } from '../workspace/pickFolder';
import { withTaskProgress } from '../taskProgress';
import { buildReviewReport } from './reviewReport';
import { ReviewTreeProvider } from './reviewTree';

export interface ReviewArgs {
  /** A revision to compare with (default HEAD)… */
  base?: string;
  /** …or a branch whose merge base with HEAD is the base. */
  mergeBaseWith?: string;
  folder?: string;
}

export const RESTRICTED_MESSAGE = 'Reviewing annotation changes runs git, which Policy Annotator does not do in Restricted Mode. Trust this workspace to use it.';

/** "Review Annotation Changes…": a view of every annotation added, removed or changed since a base, with old and new values in the hover. */
export function registerReview(service: AnnotationService, log: vscode.LogOutputChannel): { provider: ReviewTreeProvider; disposables: vscode.Disposable[] } {
  const provider = new ReviewTreeProvider();
  const view = vscode.window.createTreeView('policyAnnotator.changes', { treeDataProvider: provider, showCollapseAll: true });

  async function review(args?: ReviewArgs) {
    if (!vscode.workspace.isTrusted) throw new UserError(RESTRICTED_MESSAGE);
    const folder = await pickFolder(args?.folder, 'Review annotation changes in which folder?');
    if (!folder) return undefined;
    const base = args?.base ? { rev: args.base } : args?.mergeBaseWith ? { mergeBaseWith: args.mergeBaseWith } : await pickBase(folder.uri.fsPath);
    if (!base) return undefined;
    const report = await withTaskProgress('Comparing annotations', (control) => buildReviewReport(folder, base, control), { viewId: 'policyAnnotator.changes' }).catch((error: unknown) => {
      if (error instanceof CancelledError) return undefined;
      throw error instanceof InputError ? new UserError(error.message) : error;
    });
    if (!report) return undefined;
    if (report.problems.length) {
      for (const p of report.problems) log.warn(`review: ${formatProblem(p)}`);
      void vscode.window.showWarningMessage(`${report.problems.length === 1 ? 'A sidecar' : 'Some sidecars'} could not be read and ${report.problems.length === 1 ? 'is' : 'are'} left out of the review: ${[...new Set(report.problems.map((p) => p.file))].join(', ')}`, 'Show Details').then((c) => c && log.show());
    }
    provider.show(report);
    view.description = `${report.baseLabel} → working tree`;
    view.message = report.report.documents.length ? undefined : `No annotation changed since ${report.baseLabel}.`;
    await vscode.commands.executeCommand('setContext', ContextKeys.reviewing, true);
    await vscode.commands.executeCommand('policyAnnotator.changes.focus');
    return report.report;
  }

  async function openChange(args: { uri: string; id: string; removed: boolean; span?: { start: number; end: number } }) {
    const uri = vscode.Uri.parse(args.uri);
    const session = await service.sessionFor(uri);
    const live = session?.model.get(args.id);
    const document = await vscode.workspace.openTextDocument(uri);
    const length = document.getText().length;
    const span = live?.span ?? args.span;
    const range = span ? toRange(document, Math.min(span.start, length), Math.min(span.end, length)) : undefined;
    await vscode.window.showTextDocument(document, { selection: range, preview: true });
    if (args.removed) vscode.window.setStatusBarMessage(`This annotation was removed; it was here in ${provider.report?.baseLabel ?? 'the base'}.`, 6000);
  }

  const hover = vscode.languages.registerHoverProvider([{ language: 'plaintext', scheme: 'file' }, { language: 'markdown', scheme: 'file' }], {
    async provideHover(document, position) {
      const report = provider.report;
      const session = report && service.session(document.uri);
      if (!report || !session) return undefined;
      const diff = report.report.documents.find((d) => d.document === session.model.documentPath);
      if (!diff) return undefined;
      const offset = toNormalizedOffset(document, position);
      const here = session.model.list().filter((l) => l.span && l.span.start <= offset && offset < l.span.end).map((l) => l.annotation.id);
      const md = new vscode.MarkdownString();
      for (const c of diff.changed.filter((c) => here.includes(c.id))) {
        md.appendText(`Changed since ${report.baseLabel} (${c.kind} ${c.id}):\n`);
        for (const f of c.changes) md.appendText(`  ${f.field}: ${showValue(f.before)} → ${showValue(f.after)}\n`);
        if (c.moved) md.appendText(`  moved: ${c.moved.before.start}-${c.moved.before.end} → ${c.moved.after.start}-${c.moved.after.end}\n`);
      }
      for (const a of diff.added.filter((a) => here.includes(a.id))) md.appendText(`Added since ${report.baseLabel} (${a.kind} ${a.id})\n`);
      return md.value ? new vscode.Hover(md) : undefined;
    },
  });

  const disposables = [
    view,
    hover,
    ...registerCommandTable([[CommandIds.reviewChanges, review]], log),
    vscode.commands.registerCommand(CommandIds.openReviewChange, openChange),
    vscode.commands.registerCommand(CommandIds.closeReview, async () => {
      provider.show(undefined);
      await vscode.commands.executeCommand('setContext', ContextKeys.reviewing, false);
    }),
  ];
  return { provider, disposables };
}

async function pickBase(cwd: string): Promise<{ rev: string } | { mergeBaseWith: string } | undefined> {
  const choice = await pickItem(
    [
      { label: 'HEAD', description: 'changes not yet committed', value: 'head' },
      { label: 'Merge base with a branch…', description: 'everything this branch changed, as in a pull request', value: 'branch' },
      { label: 'Another revision…', description: 'a commit, tag or branch', value: 'rev' },
    ],
    { title: 'Review annotation changes since…' },
  );
  if (!choice) return undefined;
  if (choice.value === 'head') return { rev: 'HEAD' };
  if (choice.value === 'branch') {
    const branch = (await pickItem((await listBranches(cwd)).map((label) => ({ label })), { title: 'Merge base with which branch?' }))?.label;
    return branch ? { mergeBaseWith: branch } : undefined;
  }
  const rev = await vscode.window.showInputBox({ title: 'Revision', prompt: 'A commit, tag or branch', value: 'HEAD~1' });
  return rev ? { rev } : undefined;
}
