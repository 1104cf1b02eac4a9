import * as vscode from 'vscode';
import { AnnotationSummary, ChangedAnnotation, DocumentDiff, NO_WORDS, showQuoteOf, showValue } from '../../core/diff';
import { CommandIds } from '../commandIds';
import { ReviewReport } from './reviewReport';
import { clip } from '../../core/text/clip';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface ChangeNode {
  type: 'change';
  id: string;
  document: DocumentDiff;
  change: ChangeKind;
  annotation: AnnotationSummary | ChangedAnnotation;
}

export interface DocumentNode {
  type: 'document';
  id: string;
  document: DocumentDiff;
}

export type ReviewNode = DocumentNode | ChangeNode;

const ICON: Record<ChangeKind, [string, string]> = {
  added: ['diff-added', 'gitDecoration.addedResourceForeground'],
  removed: ['diff-removed', 'gitDecoration.deletedResourceForeground'],
  changed: ['diff-modified', 'gitDecoration.modifiedResourceForeground'],
};

/** The Annotation Changes view: documents, then their added, removed and changed annotations. */
export class ReviewTreeProvider implements vscode.TreeDataProvider<ReviewNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  report: ReviewReport | undefined;

  show(report: ReviewReport | undefined): void {
    this.report = report;
    this.changed.fire();
  }

  getChildren(node?: ReviewNode): ReviewNode[] {
    if (!this.report) return [];
    if (!node) return this.report.report.documents.map((document) => ({ type: 'document', id: document.document, document }));
    if (node.type !== 'document') return [];
    const d = node.document;
    const child = (change: ChangeKind) => (annotation: AnnotationSummary | ChangedAnnotation): ChangeNode => ({ type: 'change', id: `${d.document}#${annotation.id}:${change}`, document: d, change, annotation });
    return [...d.added.map(child('added')), ...d.removed.map(child('removed')), ...d.changed.map(child('changed'))];
  }

  getTreeItem(node: ReviewNode): vscode.TreeItem {
    if (node.type === 'document') {
      const d = node.document;
      const item = new vscode.TreeItem(d.document, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = [d.added.length && `+${d.added.length}`, d.removed.length && `−${d.removed.length}`, d.changed.length && `~${d.changed.length}`].filter(Boolean).join(' ');
      item.iconPath = vscode.ThemeIcon.File;
      return item;
    }
    const a = node.annotation;
    const item = new vscode.TreeItem(`${node.change} ${a.kind}: ${a.anchorless ? NO_WORDS : clip(a.exact, 70)}`, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.change === 'changed' ? describeChanges(a as ChangedAnnotation) : a.id;
    const [icon, color] = ICON[node.change];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    item.tooltip = tooltip(node);
    if (this.report) {
      const uri = vscode.Uri.joinPath(this.report.folder.uri, ...node.document.document.split('/'));
      const span = 'fields' in a ? a.span : (a.moved?.after ?? undefined);
      item.command = { command: CommandIds.openReviewChange, title: 'Open', arguments: [{ uri: uri.toString(), id: a.id, removed: node.change === 'removed', span }] };
    }
    return item;
  }
}

function describeChanges(c: ChangedAnnotation): string {
  const fields = c.changes.map((f) => f.field);
  if (c.moved) fields.push('moved');
  return fields.join(', ');
}

function tooltip(node: ChangeNode): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const a = node.annotation;
  md.appendText(`${node.change} ${a.kind} ${a.id}\n${showQuoteOf(a)}\n`);
  if (node.change === 'changed') {
    for (const f of (a as ChangedAnnotation).changes) md.appendText(`\n${f.field}: ${showValue(f.before)} → ${showValue(f.after)}`);
  } else {
    for (const f of (a as AnnotationSummary).fields) md.appendText(`\n${f.field}: ${showValue(f.value)}`);
  }
  return md;
}

