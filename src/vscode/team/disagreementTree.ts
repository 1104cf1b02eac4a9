import * as vscode from 'vscode';
import { AgreementField, DisagreementEntry } from '../../core/agreement';
import { clip } from '../../core/text/clip';
import { CommandIds } from '../commandIds';
import { TeamReport } from './teamReport';

// The Disagreements view: each unit where the authors differ, then each competing version with its
// fields, to accept as it is or edit first. What a disagreement is, is decided in core (disagreement.ts).

export interface DisagreementNode {
  type: 'disagreement';
  entry: DisagreementEntry;
}

export interface VersionNode {
  type: 'version';
  entry: DisagreementEntry;
  member: DisagreementEntry['members'][number];
}

export interface MissingNode {
  type: 'missing';
  entry: DisagreementEntry;
  annotator: string;
}

export type TeamNode = DisagreementNode | VersionNode | MissingNode;

export class DisagreementTreeProvider implements vscode.TreeDataProvider<TeamNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  team: TeamReport | undefined;

  show(team: TeamReport | undefined): void {
    this.team = team;
    this.changed.fire();
  }

  uriOf(entry: DisagreementEntry): vscode.Uri | undefined {
    return this.team && vscode.Uri.joinPath(this.team.folder.uri, ...entry.document.split('/'));
  }

  getChildren(node?: TeamNode): TeamNode[] {
    if (!this.team) return [];
    if (!node) return this.team.report.disagreements.map((entry) => ({ type: 'disagreement', entry }));
    if (node.type !== 'disagreement') return [];
    return [...node.entry.members.map((member): TeamNode => ({ type: 'version', entry: node.entry, member })), ...node.entry.missing.map((annotator): TeamNode => ({ type: 'missing', entry: node.entry, annotator }))];
  }

  getTreeItem(node: TeamNode): vscode.TreeItem {
    const e = node.entry;
    const uri = this.uriOf(e);
    if (node.type === 'disagreement') {
      const item = new vscode.TreeItem(`${e.kind}: “${clip(e.quote, 60)}”`, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `${e.document}@${e.start}:${e.members.map((m) => m.id).join(',')}`;
      const differs = e.fields.map((f) => f.field);
      item.description = `${e.document} · ${[differs.length ? `${differs.join(', ')} differ` : '', e.missing.length ? `not marked by ${e.missing.join(', ')}` : ''].filter(Boolean).join(' · ')}`;
      item.iconPath = new vscode.ThemeIcon('git-compare');
      item.tooltip = sideBySide(e);
      item.contextValue = 'disagreement';
      if (uri) item.command = { command: CommandIds.revealAnnotation, title: 'Reveal', arguments: [{ uri: uri.toString(), id: e.members[0].id }] };
      return item;
    }
    if (node.type === 'missing') {
      const item = new vscode.TreeItem(node.annotator, vscode.TreeItemCollapsibleState.None);
      item.description = 'did not mark this passage';
      item.iconPath = new vscode.ThemeIcon('circle-slash');
      item.id = `${e.document}@${e.start}:missing:${node.annotator}`;
      return item;
    }
    const m = node.member;
    const item = new vscode.TreeItem(m.annotator, vscode.TreeItemCollapsibleState.None);
    item.id = `${m.ref}:version`;
    item.description = Object.entries(m.values).map(([field, value]) => `${field}: ${value}`).join(' · ');
    item.iconPath = new vscode.ThemeIcon('account');
    item.tooltip = sideBySide(e);
    item.contextValue = 'disagreementVersion';
    if (uri) item.command = { command: CommandIds.revealAnnotation, title: 'Reveal', arguments: [{ uri: uri.toString(), id: m.id }] };
    return item;
  }
}

/** The competing versions as a table: one column per annotator, one row per field. */
function sideBySide(e: DisagreementEntry): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const cell = (s: string) => s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
  const fields = [...new Set(e.members.flatMap((m) => Object.keys(m.values)))] as AgreementField[];
  md.appendMarkdown(`**${e.kind}** in ${cell(e.document)}: “${cell(clip(e.quote, 120))}”\n\n`);
  md.appendMarkdown(`| | ${e.members.map((m) => cell(m.annotator)).join(' | ')} |\n|---|${e.members.map(() => '---|').join('')}\n`);
  for (const f of fields) md.appendMarkdown(`| ${f} | ${e.members.map((m) => cell(m.values[f] ?? '')).join(' | ')} |\n`);
  md.appendMarkdown(`| id | ${e.members.map((m) => cell(m.id)).join(' | ')} |\n`);
  if (e.missing.length) md.appendMarkdown(`\nNot marked by ${e.missing.map(cell).join(', ')}.`);
  return md;
}
