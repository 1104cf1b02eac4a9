import * as vscode from 'vscode';
import { ENTITY_TYPES, type Entity, type EntityType } from '../../core/entities/types';
import { CommandIds } from '../commandIds';
import type { MentionTarget } from './entityCommandIds';
import type { EntityService } from './entityService';
import { entityIcon, typePlural } from './entityStyles';
import type { DocumentMentionList, WorkspaceMentions } from './workspaceMentions';
import { entityMatches, type FilterSource } from './entityFilter';
import { filterDescription, noMatchItem } from '../tree/filterText';

export type EntityNode = { kind: 'type'; type: EntityType } | { kind: 'entity'; entity: Entity } | { kind: 'document'; entity: Entity; document: DocumentMentionList } | { kind: 'no-match' };

const REFRESH_DELAY_MS = 300;

/** The Entities view: entities grouped by type, with their mention counts; under each, the documents that mention it. */
export class EntityTreeProvider implements vscode.TreeDataProvider<EntityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private counts: ReturnType<WorkspaceMentions['counts']> | undefined;

  view: vscode.TreeView<EntityNode> | undefined;

  constructor(
    private readonly service: EntityService,
    private readonly workspace: WorkspaceMentions,
    private readonly filter?: FilterSource,
  ) {
    this.disposables.push(service.onDidChange(() => this.refresh()), workspace.onDidChange(() => this.refresh()));
    if (filter) this.disposables.push(filter.onDidChange(() => this.refresh()));
  }

  /** The catalogue's entities the shared filter keeps; the view's description says how many and which filter. */
  private shown(): Entity[] {
    const shown = this.service.entities().filter((e) => entityMatches(e, this.filter?.filter));
    if (this.view) this.view.description = this.filter?.filter ? filterDescription(shown.length, this.filter.filterText.trim()) : undefined;
    return shown;
  }

  /** Redraws after a short pause: counts change with every rescan while someone types. */
  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.counts = undefined;
      this.changed.fire(undefined);
    }, REFRESH_DELAY_MS);
  }

  getChildren(node?: EntityNode): EntityNode[] {
    if (!node) {
      void this.workspace.ensure(); // counts arrive in the background
      const shown = this.shown();
      if (!shown.length && this.filter?.filter) return [{ kind: 'no-match' }];
      const present = new Set(shown.map((e) => e.type));
      return ENTITY_TYPES.filter((t) => present.has(t)).map((type) => ({ kind: 'type', type }));
    }
    if (node.kind === 'type') {
      return this.shown()
        .filter((e) => e.type === node.type)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((entity) => ({ kind: 'entity', entity }));
    }
    if (node.kind === 'entity') return this.workspace.documents(node.entity.id).map((document) => ({ kind: 'document', entity: node.entity, document }));
    return [];
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    if (node.kind === 'no-match') return noMatchItem('entities', this.filter?.filterText.trim() ?? '');
    if (node.kind === 'type') {
      const n = this.shown().filter((e) => e.type === node.type).length;
      const item = new vscode.TreeItem(typePlural(node.type), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `type:${node.type}`;
      item.description = String(n);
      item.iconPath = entityIcon(node.type);
      item.contextValue = 'entityType';
      return item;
    }
    if (node.kind === 'entity') {
      const count = this.count(node.entity.id);
      const item = new vscode.TreeItem(node.entity.name, count?.mentions ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `entity:${node.entity.id}`;
      item.description = count === undefined ? '…' : count.mentions ? `${count.mentions} in ${count.documents} doc${count.documents === 1 ? '' : 's'}` : 'not mentioned';
      // Plain strings: a tooltip never renders file text as Markdown.
      item.tooltip = [`${node.entity.name} (${node.entity.type}, ${node.entity.id})`, node.entity.description, node.entity.aliases.length ? `Also: ${node.entity.aliases.join(', ')}` : ''].filter(Boolean).join('\n');
      item.iconPath = entityIcon(node.entity.type);
      item.contextValue = 'entity';
      return item;
    }
    const first = node.document.ranges[0];
    const item = new vscode.TreeItem(vscode.workspace.asRelativePath(node.document.uri, false));
    item.id = `mention:${node.entity.id}:${node.document.uri.toString()}`;
    item.description = `${node.document.ranges.length}`;
    item.resourceUri = node.document.uri;
    item.iconPath = vscode.ThemeIcon.File;
    const target: MentionTarget = [node.document.uri.toString(), first.start.line, first.start.character, first.end.line, first.end.character];
    item.command = { command: CommandIds.openEntityMention, title: 'Open First Mention', arguments: target };
    return item;
  }

  private count(id: string): { mentions: number; documents: number } | undefined {
    if (!this.workspace.current && !this.counts) return undefined;
    this.counts ??= this.workspace.counts();
    return this.counts.get(id) ?? { mentions: 0, documents: 0 };
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
