import { Annotation, AUTHOR, parseAnnotationRef, TOPIC_PREFIX } from '../../core/model';
import { reviewReason } from '../../core/workspace/needsReview';
import type { LinkEntry, WorkspaceEntry } from '../workspace/workspaceAnnotations';
import { LinkNode, linkNodes } from './linkNodes';
import type { Filter, RefName } from './treeTypes';
import { documentOrder, metadataGroup, MetadataGrouping } from './metadataGroups';
import type { DocumentMetadata } from '../../core/model';

export type ViewKind = 'claims' | 'stances' | 'links' | 'review';
export type GroupBy = 'document' | 'party' | MetadataGrouping;

export interface GroupNode {
  type: 'group';
  id: string;
  label: string;
  children: Array<AnnotationNode | LinkNode>;
}

export interface AnnotationNode {
  type: 'annotation';
  id: string;
  entry: WorkspaceEntry;
  /** What commands from the context menu act on (TargetArgs.target). */
  target: { uri: string; id: string };
  /** Why it is in Needs Review, when it is. */
  problem?: string;
}

/** The one row of a view whose filter matches nothing. */
export interface NoMatchNode {
  type: 'no-match';
  id: string;
}

export type TreeNode = GroupNode | AnnotationNode | LinkNode | NoMatchNode;
/** What the metadata lookup needs of a row's entry. */
export type EntryPlace = Pick<WorkspaceEntry, 'folder' | 'documentPath'>;

export type { Filter, RefName } from './treeTypes';

/** `tag:x kind:claim some words` → a filter; empty text → none. */
export function parseFilter(text: string): Filter | undefined {
  const filter: Filter = { words: [], tags: [], kinds: [] };
  for (const token of text.trim().toLowerCase().split(/\s+/).filter(Boolean)) {
    if (token.startsWith('tag:')) filter.tags.push(token.slice(4));
    else if (token.startsWith('kind:')) filter.kinds.push(token.slice(5));
    else filter.words.push(token);
  }
  return filter.words.length || filter.tags.length || filter.kinds.length ? filter : undefined;
}

export function matches(a: Annotation, filter: Filter | undefined): boolean {
  if (!filter) return true;
  if (filter.kinds.length && !filter.kinds.includes(a.kind)) return false;
  const tags = (a.tags ?? []).map((t) => t.toLowerCase());
  if (filter.tags.some((t) => !tags.includes(t))) return false;
  const record = a as unknown as Record<string, unknown>;
  const haystack = [a.anchor.exact, a.note, record.label, record.speaker, record.holder, record.target, record.to, record.from, record.relation, a.author, ...tags].filter(Boolean).join(' ').toLowerCase();
  return filter.words.every((w) => haystack.includes(w));
}

/** Why an entry needs a person's eye, or undefined (core/workspace/needsReview.ts decides, for every surface). */
export function reviewProblem(entry: WorkspaceEntry, known: Set<string>): string | undefined {
  return reviewReason(entry.annotation, entry.documentPath, entry.status, (documentPath, id) => known.has(`${documentPath}#${id}`), entry.supersession);
}

/** Whether a row is left out: superseded versions are listed only on demand, and never as needing review. */
export const hiddenAsSuperseded = (entry: { supersession?: { superseded: boolean } }, view: ViewKind, showSuperseded: boolean): boolean => !!entry.supersession?.superseded && (view === 'review' || !showSuperseded);

/**
 * The nodes of one view: annotations of its kind, filtered, grouped, with stable ids. `entries` and `links`
 * include superseded versions (so a link to one is not called broken); they are rows only when `showSuperseded`.
 */
export function buildNodes(view: ViewKind, entries: WorkspaceEntry[], groupBy: GroupBy, filter: Filter | undefined, partyName: (id: string) => string, metadataOf: (entry: EntryPlace) => DocumentMetadata | undefined = () => undefined, links: readonly LinkEntry[] = [], showSuperseded = false): GroupNode[] {
  const known = new Set(entries.map((e) => `${e.documentPath}#${e.annotation.id}`));
  const kind = { claims: 'claim', stances: 'stance', links: 'link', review: undefined }[view];
  const nodes: Array<AnnotationNode | LinkNode> = [];
  for (const entry of entries) {
    if (kind && entry.annotation.kind !== kind) continue;
    if (hiddenAsSuperseded(entry, view, showSuperseded)) continue;
    if (!matches(entry.annotation, filter)) continue;
    const problem = view === 'review' ? reviewProblem(entry, known) : undefined;
    if (view === 'review' && !problem) continue;
    nodes.push({ type: 'annotation', id: `${entry.folder.uri.toString()}|${entry.documentPath}#${entry.annotation.id}`, entry, target: { uri: entry.uri.toString(), id: entry.annotation.id }, problem });
  }
  nodes.push(...linkNodes(view, links.filter((l) => !hiddenAsSuperseded(l, view, showSuperseded)), known, filter, refNamer(entries, partyName)));
  const groups = new Map<string, GroupNode>();
  // In a multi-root workspace a document is named with its folder: two folders may hold the same path.
  const multiRoot = new Set(entries.map((e) => e.folder.uri.toString())).size > 1;
  const byMetadata = view !== 'review' && (groupBy === 'date' || groupBy === 'outlet');
  const sortKeys = new Map<GroupNode, string>();
  for (const node of nodes) {
    const documentKey = multiRoot ? `${node.entry.folder.name}/${node.entry.documentPath}` : node.entry.documentPath;
    const grouped = byMetadata ? metadataGroup(groupBy, metadataOf(node.entry)) : undefined;
    const key = grouped?.key ?? (view !== 'review' && groupBy === 'party' ? (node.type === 'link' ? node.entry.link.relation : partyOf(node.entry.annotation)) : documentKey);
    const label = grouped?.label ?? (view !== 'review' && groupBy === 'party' ? partyLabel(key, partyName) : key);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { type: 'group', id: `${view}|${groupBy}|${key}`, label, children: [] }));
    if (grouped) sortKeys.set(group, key);
    group.children.push(node);
  }
  // Grouped by year or outlet, a group holds several documents: oldest first, each in text order.
  const inDocumentOrder = (e: EntryPlace) => ({ documentPath: e.documentPath, published: metadataOf(e)?.published });
  // Anchorless links have no place: after the anchored rows of their document, by id.
  const startOf = (n: AnnotationNode | LinkNode) => (n.type === 'link' ? Number.MAX_SAFE_INTEGER : n.entry.annotation.anchor.start);
  const idOf = (n: AnnotationNode | LinkNode) => (n.type === 'link' ? n.entry.link.id : n.entry.annotation.id);
  for (const group of groups.values()) {
    group.children.sort((a, b) => (byMetadata ? documentOrder(inDocumentOrder(a.entry), inDocumentOrder(b.entry)) : 0) || startOf(a) - startOf(b) || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
  }
  const sortKey = (g: GroupNode) => sortKeys.get(g) ?? g.label;
  return [...groups.values()].sort((a, b) => (byMetadata ? (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0) : a.label.localeCompare(b.label)));
}

function partyOf(a: Annotation): string {
  if (a.kind === 'claim') return a.speaker;
  if (a.kind === 'stance') return a.holder;
  if (a.kind === 'link') return a.relation;
  return AUTHOR;
}

function partyLabel(key: string, partyName: (id: string) => string): string {
  if (key === AUTHOR) return 'The author';
  return partyName(key);
}


/** A RefName over the workspace's entries and the entity names. */
export function refNamer(entries: WorkspaceEntry[], partyName: (id: string) => string): RefName {
  const byRef = new Map(entries.map((e) => [`${e.documentPath}#${e.annotation.id}`, e.annotation]));
  return (ref, fromDocument) => {
    if (ref === AUTHOR) return 'the author';
    if (ref.startsWith(TOPIC_PREFIX)) return ref.slice(TOPIC_PREFIX.length);
    const parsed = parseAnnotationRef(ref);
    if (!parsed) return partyName(ref);
    const target = byRef.get(`${parsed.document ?? fromDocument}#${parsed.id}`);
    if (!target) return ref;
    const where = parsed.document && parsed.document !== fromDocument ? ` (${parsed.document.split('/').pop()})` : '';
    return `${target.kind === 'claim' ? target.label : target.kind === 'note' ? (target.note ?? target.anchor.exact) : target.anchor.exact}${where}`;
  };
}

/** One line that says what an annotation is, for labels and pickers. */
export function annotationTitle(a: Annotation, partyName: (id: string) => string, refName: RefName = (ref) => ref, documentPath = ''): string {
  switch (a.kind) {
    case 'claim':
      return a.label;
    case 'stance':
      return `${a.holder === AUTHOR ? 'Author' : partyName(a.holder)} · ${a.polarity} · ${refName(a.target, documentPath)}`;
    case 'link':
      return `${a.relation} → ${refName(a.to, documentPath)}`;
    case 'note':
      return a.note ?? a.anchor.exact;
  }
}
