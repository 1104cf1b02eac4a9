import * as vscode from 'vscode';
import type { AnchorlessLink } from '../../core/model';
import type { LiveAnnotation } from '../../core/workspace/documentAnnotations';
import { ContextKeys } from '../commandIds';

export interface UndoEntry {
  uri: vscode.Uri;
  /** What was done, e.g. "Deleted claim k3m9x2qa". */
  label: string;
  /** The document's annotations right before and right after the change (see core/safety/undoChange). */
  before: LiveAnnotation[];
  after: LiveAnnotation[];
  /** The anchorless links right before and after. */
  linksBefore?: readonly AnchorlessLink[];
  linksAfter?: readonly AnchorlessLink[];
}

const LIMIT = 50;

/** Annotation changes that can be taken back, newest last; mirrored in the `canUndo` context key. */
export class UndoStack {
  private readonly entries: UndoEntry[] = [];
  private readonly pushed = new vscode.EventEmitter<string>();
  /** A change was made (its label): the status bar confirms it. */
  readonly onDidPush = this.pushed.event;
  private readonly popped = new vscode.EventEmitter<string>();
  /** A change was taken back (its label). */
  readonly onDidPop = this.popped.event;

  push(entry: UndoEntry): void {
    this.entries.push(entry);
    this.pushed.fire(entry.label);
    if (this.entries.length > LIMIT) this.entries.shift();
    this.sync();
  }

  pop(): UndoEntry | undefined {
    const entry = this.entries.pop();
    if (entry) this.popped.fire(entry.label);
    this.sync();
    return entry;
  }

  peek(): UndoEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  private sync(): void {
    void vscode.commands.executeCommand('setContext', ContextKeys.canUndo, this.entries.length > 0);
  }
}
