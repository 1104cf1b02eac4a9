import * as vscode from 'vscode';
import { formatAnnotationRef, LinkRelation } from '../../core/model';
import { CommandIds, ContextKeys } from '../commandIds';
import { AnnotationEditor } from '../editing/annotationEditor';
import { pickRelation } from '../editing/prompts';
import { RecentValues } from '../editing/recentValues';
import type { Supersession } from '../../core/agreement/superseded';
import { WorkspaceAnnotations } from '../workspace/workspaceAnnotations';
import { AnnotationNode, annotationTitle, buildNodes, Filter, GroupBy, GroupNode, parseFilter, RefName, refNamer, TreeNode, ViewKind } from './treeNodes';
import { fromTarget, LinkNode, linkTitle } from './linkNodes';
import { clip } from '../../core/text/clip';
import { filterDescription, noMatchItem, VIEW_NOUNS } from './filterText';

const ICONS: Record<string, string> = { claim: 'comment-discussion', stance: 'thumbsup', note: 'note', link: 'references' };
export const VIEWS: ViewKind[] = ['claims', 'stances', 'links', 'review'];
const MIME = VIEWS.map((v) => `application/vnd.code.tree.policyannotator.${v}`);

/** A version an adjudication superseded, listed on demand: greyed, with "superseded by …" as its description. */
const SUPERSEDED_ICON = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
const GROUP_ICONS: Record<GroupBy, string> = { document: 'file-text', party: 'person', date: 'calendar', outlet: 'library' };

/** Shared state of the annotation views: grouping, filter and superseded versions, mirrored in context keys for the view title buttons. */
export class TreeState {
  groupBy: GroupBy = 'document';
  filterText = '';
  filter: Filter | undefined;
  /** Whether versions an adjudication superseded are listed too (struck through); off: the team's answer once. */
  showSuperseded = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor() {
    this.sync();
  }

  setGroupBy(groupBy: GroupBy): void {
    this.groupBy = groupBy;
    this.sync();
  }

  setFilter(text: string): void {
    this.filterText = text;
    this.filter = parseFilter(text);
    this.sync();
  }

  setShowSuperseded(show: boolean): void {
    this.showSuperseded = show;
    this.sync();
  }

  private sync(): void {
    void vscode.commands.executeCommand('setContext', ContextKeys.showSuperseded, this.showSuperseded);
    void vscode.commands.executeCommand('setContext', ContextKeys.groupBy, this.groupBy);
    void vscode.commands.executeCommand('setContext', ContextKeys.filtered, !!this.filter);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export interface TreeDeps {
  workspace: WorkspaceAnnotations;
  state: TreeState;
  editor: AnnotationEditor;
  recent: RecentValues;
  partyName: (id: string) => string;
}

/** One of the Claims, Stances, Cross-references and Needs Review views. */
export class AnnotationTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.TreeDragAndDropController<TreeNode>, vscode.Disposable {
  readonly dragMimeTypes: string[];
  readonly dropMimeTypes = MIME;
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups: GroupNode[] = [];
  private refName: RefName = (ref) => ref;
  private signature = '';
  private pending: ReturnType<typeof setTimeout> | undefined;
  private loaded: Promise<void>;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  view: vscode.TreeView<TreeNode> | undefined;

  constructor(
    readonly kind: ViewKind,
    private readonly deps: TreeDeps,
  ) {
    this.dragMimeTypes = [`application/vnd.code.tree.policyannotator.${kind}`];
    this.loaded = this.rebuild();
    this.disposables.push(deps.workspace.onDidChange(() => this.schedule()), deps.state.onDidChange(() => this.schedule(0)));
  }

  /** Rebuilds after a pause, and tells VS Code only when what the view shows really changed (not on every keystroke). */
  private schedule(delay = 250): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.loaded = this.rebuild();
    }, delay);
  }

  private async rebuild(): Promise<void> {
    // Every version, superseded ones too: a link to one is not broken. buildNodes lists them only when asked to.
    const entries = await this.deps.workspace.entries({ superseded: true });
    const links = this.kind === 'links' || this.kind === 'review' ? await this.deps.workspace.links({ superseded: true }) : [];
    const groups = buildNodes(this.kind, entries, this.deps.state.groupBy, this.deps.state.filter, this.deps.partyName, (e) => this.deps.workspace.metadataOf(e), links, this.deps.state.showSuperseded);
    this.refName = refNamer(entries, this.deps.partyName);
    const modified = (c: AnnotationNode | LinkNode) => (c.type === 'link' ? c.entry.link.modified : c.entry.annotation.modified);
    const signature = JSON.stringify([this.deps.state.filterText, ...groups.map((g) => [g.id, g.label, g.children.map((c) => [c.id, modified(c), c.entry.status, c.problem, c.entry.supersession, this.title(c), c.type === 'link' ? this.refName(c.entry.link.from, c.entry.documentPath) : ''])])]);
    this.groups = groups;
    this.updateView();
    if (signature === this.signature) return;
    this.signature = signature;
    this.changed.fire(undefined);
  }

  private updateView(): void {
    if (!this.view) return;
    const count = this.groups.reduce((n, g) => n + g.children.length, 0);
    const filterText = this.deps.state.filter ? this.deps.state.filterText.trim() : undefined;
    this.view.description = filterDescription(count, filterText);
    if (this.kind === 'review') this.view.badge = count ? { value: count, tooltip: `${count} annotation(s) need review` } : undefined;
  }

  /** Resolves once the view reflects every change made so far (for tests and commands). */
  async settled(): Promise<void> {
    while (this.pending) await new Promise((r) => setTimeout(r, 50));
    await this.loaded;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    await this.loaded;
    if (!node) return !this.groups.length && this.deps.state.filter ? [{ type: 'no-match', id: 'no-match' }] : this.groups;
    return node.type === 'group' ? node.children : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.type !== 'annotation' && node.type !== 'link') return undefined;
    return this.groups.find((g) => g.children.some((c) => c.id === node.id));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.type === 'no-match') return noMatchItem(VIEW_NOUNS[this.kind] ?? this.kind, this.deps.state.filterText.trim());
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = `${node.children.length}`;
      item.iconPath = new vscode.ThemeIcon(this.kind === 'review' ? 'file-text' : GROUP_ICONS[this.deps.state.groupBy]);
      item.contextValue = 'group';
      return item;
    }
    return node.type === 'link' ? this.linkItem(node) : this.annotationItem(node);
  }

  private title(node: AnnotationNode | LinkNode): string {
    if (node.type === 'link') return linkTitle(node.entry.link, this.refName, node.entry.documentPath);
    return annotationTitle(node.entry.annotation, this.deps.partyName, this.refName, node.entry.documentPath);
  }

  /** An anchorless link: named by the annotations it joins; clicking opens its `from` annotation. */
  private linkItem(node: LinkNode): vscode.TreeItem {
    const { link, uri, documentPath, folder } = node.entry;
    const by = supersededBy(node.entry);
    const item = new vscode.TreeItem(clip(this.title(node), 90), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    const from = this.refName(link.from, documentPath);
    item.description = node.problem ?? (by ? `superseded by ${by}` : `from “${clip(from, 60)}”`);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`link ${link.id} · ${documentPath} (no words of its own)\n\n${from}\n${link.relation} → ${this.refName(link.to, documentPath)}`);
    if (by) tooltip.appendText(`\n\nSuperseded by ${by} (the team's curated version): not counted or exported as current.`);
    if (link.note) tooltip.appendText(`\n\n${link.note}`);
    if (node.problem) tooltip.appendText(`\n\nNeeds review: ${node.problem}`);
    item.tooltip = tooltip;
    const review = !!node.problem || !!link.review;
    item.iconPath = by ? SUPERSEDED_ICON : new vscode.ThemeIcon(review ? 'warning' : 'link', new vscode.ThemeColor(review ? 'policyAnnotator.reviewBorder' : 'policyAnnotator.linkBorder'));
    item.contextValue = `anchorless kind-link${review ? ' review' : ''}${by ? ' superseded' : ''}`;
    const target = fromTarget(node.entry, (path) => vscode.Uri.joinPath(folder.uri, ...path.split('/')).toString());
    if (target) item.command = { command: CommandIds.revealAnnotation, title: 'Reveal', arguments: [target] };
    item.resourceUri = uri;
    return item;
  }

  private annotationItem(node: AnnotationNode): vscode.TreeItem {
    const { annotation: a, uri } = node.entry;
    const by = supersededBy(node.entry);
    const item = new vscode.TreeItem(clip(this.title(node), 90), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.problem ?? (by ? `superseded by ${by}` : `“${clip(a.anchor.exact, 60)}”`);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${a.kind} ${a.id} · ${node.entry.documentPath}\n\n“${a.anchor.exact}”`);
    if (by) tooltip.appendText(`\n\nSuperseded by ${by} (the team's curated version): not counted or exported as current.`);
    if (a.note) tooltip.appendText(`\n\n${a.note}`);
    if (node.problem) tooltip.appendText(`\n\nNeeds review: ${node.problem}`);
    item.tooltip = tooltip;
    const review = !!node.problem || !!a.review;
    item.iconPath = by ? SUPERSEDED_ICON : new vscode.ThemeIcon(review ? 'warning' : ICONS[a.kind], new vscode.ThemeColor(review ? 'policyAnnotator.reviewBorder' : `policyAnnotator.${a.kind}Border`));
    item.contextValue = `annotation kind-${a.kind}${review ? ' review' : ''}${by ? ' superseded' : ''}`;
    item.command = { command: CommandIds.revealAnnotation, title: 'Reveal', arguments: [{ uri: uri.toString(), id: a.id }] };
    item.resourceUri = uri;
    return item;
  }

  handleDrag(source: readonly TreeNode[], data: vscode.DataTransfer): void {
    const refs = source.filter((n): n is AnnotationNode => n.type === 'annotation').map((n) => ({ uri: n.entry.uri.toString(), id: n.entry.annotation.id, documentPath: n.entry.documentPath }));
    if (refs.length) data.set(this.dragMimeTypes[0], new vscode.DataTransferItem(JSON.stringify(refs)));
  }

  /** Dropping annotations onto another links each of them to it. */
  async handleDrop(target: TreeNode | undefined, data: vscode.DataTransfer): Promise<void> {
    if (!target || target.type !== 'annotation') return;
    const item = MIME.map((m) => data.get(m)).find(Boolean);
    if (!item) return;
    const sources = JSON.parse(await item.asString()) as Array<{ uri: string; id: string; documentPath: string }>;
    const others = sources.filter((s) => !(s.documentPath === target.entry.documentPath && s.id === target.entry.annotation.id));
    if (!others.length) return;
    const relation = await pickRelation(this.deps.recent);
    if (!relation) return;
    for (const s of others) await linkByDrop(this.deps.editor, s, target, relation);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}

/** The curated version's id when the entry is a superseded one (only listed when Show Superseded Annotations is on). */
function supersededBy(entry: { supersession?: Supersession }): string | undefined {
  return entry.supersession?.superseded ? entry.supersession.by : undefined;
}

async function linkByDrop(editor: AnnotationEditor, source: { uri: string; id: string; documentPath: string }, target: AnnotationNode, relation: LinkRelation): Promise<void> {
  const to = formatAnnotationRef(target.entry.documentPath === source.documentPath ? undefined : target.entry.documentPath, target.entry.annotation.id);
  await editor.linkAnnotations({ uri: vscode.Uri.parse(source.uri), id: source.id }, to, relation);
}


