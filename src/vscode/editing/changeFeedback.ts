import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import type { UndoStack } from './undoStack';

const SHOWN_MS = 10_000;

/**
 * Says in the status bar what the last annotation change did ("Added claim … · Undo"), for a few
 * seconds, so adding, editing and deleting are confirmed without a notification; clicking it undoes.
 */
export class ChangeFeedback implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('policyAnnotator.lastChange', vscode.StatusBarAlignment.Left, -1000);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What the status bar says now, or '' (tests read it). */
  message = '';

  constructor(undo: UndoStack) {
    this.item.name = 'Policy Annotator: last change';
    this.disposables.push(
      undo.onDidPush((label) => this.show(`$(check) ${label}`, `${label}. Click to undo (Ctrl+Alt+Z).`, true)),
      undo.onDidPop((label) => this.show(`$(discard) Undone: ${label}`, `Undone: ${label}`, false)),
    );
  }

  /** Shows what happened; with `undoable`, a click runs Undo Last Annotation Change. */
  show(text: string, tooltip: string, undoable: boolean): void {
    clearTimeout(this.timer);
    this.message = text.replace(/^\$\([a-z-]+\) /, '');
    this.item.text = undoable ? `${text} · $(discard) Undo` : text;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Policy Annotator: ${this.message}${undoable ? '. Activate to undo.' : ''}` };
    this.item.command = undoable ? CommandIds.undo : undefined;
    this.item.show();
    this.timer = setTimeout(() => this.clear(), SHOWN_MS);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.message = '';
    this.item.hide();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
