import * as vscode from 'vscode';
import { AnnotationService } from './annotations/annotationService';
import { ContextKeys } from './commandIds';
import { annotatable } from './documentFilter';
import { supersession } from '../core/agreement/superseded';
import { reviewReason } from '../core/workspace/needsReview';
import type { WorkspaceAnnotations } from './workspace/workspaceAnnotations';

/**
 * The active document's annotation counts and how many need review, in the status bar;
 * also keeps the `annotatable` and `hasReview` context keys for menus and keybindings.
 */
export class AnnotationStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('policyAnnotator.counts', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly service: AnnotationService,
    private readonly workspace: WorkspaceAnnotations,
  ) {
    this.item.name = 'Policy Annotator';
    this.item.command = 'policyAnnotator.review.focus';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      service.onDidChangeAnnotations((uri) => uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && this.update()),
      // A link's other end may appear or vanish in another document: counted with the same rule as the Needs Review view.
      workspace.onDidChange(() => this.update()),
    );
    this.update();
  }

  /** The text shown now (tests read it). */
  get text(): string {
    return this.item.text;
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const isAnnotatable = !!document && !!annotatable(document);
    void vscode.commands.executeCommand('setContext', ContextKeys.annotatable, isAnnotatable);
    const session = document && this.service.session(document.uri);
    if (!isAnnotatable || !session) {
      void vscode.commands.executeCommand('setContext', ContextKeys.hasReview, false);
      this.item.hide();
      return;
    }
    const counts = { claim: 0, stance: 0, note: 0, link: 0 };
    let review = 0;
    const exists = (documentPath: string, id: string) => this.workspace.exists(session.folder, documentPath, id);
    // Versions an adjudication superseded are not counted: the team's answer counts once.
    const lookup = this.workspace.lookup(session.folder);
    for (const live of session.model.list()) {
      const superseded = supersession(live.annotation, lookup);
      if (superseded?.superseded) continue;
      counts[live.annotation.kind]++;
      if (reviewReason(live.annotation, session.model.documentPath, live.status, exists, superseded)) review++;
    }
    // Anchorless links count as cross-references of the document whose sidecar holds them.
    for (const link of session.model.links()) {
      const superseded = supersession(link, lookup);
      if (superseded?.superseded) continue;
      counts.link++;
      if (reviewReason(link, session.model.documentPath, 'anchored', exists, superseded)) review++;
    }
    void vscode.commands.executeCommand('setContext', ContextKeys.hasReview, review > 0);
    this.item.text = `$(comment-discussion) ${counts.claim} $(thumbsup) ${counts.stance} $(note) ${counts.note} $(references) ${counts.link}${review ? ` $(warning) ${review}` : ''}`;
    const summary = `${counts.claim} claims, ${counts.stance} stances, ${counts.note} notes, ${counts.link} cross-references${review ? `; ${review} need review` : ''}`;
    this.item.tooltip = `This document: ${summary}. Click to see what needs review.`;
    this.item.accessibilityInformation = { label: `Policy Annotator: ${summary}` };
    this.item.backgroundColor = review ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
