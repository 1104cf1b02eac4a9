// Anchorless links in the annotation views: a row of their own in Cross-references (and in Needs Review
// when an end is gone), named by the annotations they join, since they quote no words.
import { AnchorlessLink, parseAnnotationRef } from '../../core/model';
import { reviewReason } from '../../core/workspace/needsReview';
import type { LinkEntry } from '../workspace/workspaceAnnotations';
import type { Filter, RefName } from './treeTypes';

export interface LinkNode {
  type: 'link';
  id: string;
  entry: LinkEntry;
  /** What commands from the context menu act on (TargetArgs.target). */
  target: { uri: string; id: string };
  problem?: string;
}

/** The rows of `view` for anchorless links: all of them (filtered) in Cross-references, those needing review in Needs Review. */
export function linkNodes(view: string, links: readonly LinkEntry[], known: ReadonlySet<string>, filter: Filter | undefined, refName: RefName): LinkNode[] {
  if (view !== 'links' && view !== 'review') return [];
  const out: LinkNode[] = [];
  for (const entry of links) {
    if (!linkMatches(entry, filter, refName)) continue;
    const problem = view === 'review' ? reviewReason(entry.link, entry.documentPath, entry.status, (documentPath, id) => known.has(`${documentPath}#${id}`), entry.supersession) : undefined;
    if (view === 'review' && !problem) continue;
    out.push({ type: 'link', id: `${entry.folder.uri.toString()}|${entry.documentPath}#${entry.link.id}`, entry, target: { uri: entry.uri.toString(), id: entry.link.id }, problem });
  }
  return out;
}

function linkMatches({ link, documentPath }: LinkEntry, filter: Filter | undefined, refName: RefName): boolean {
  if (!filter) return true;
  if (filter.kinds.length && !filter.kinds.includes('link')) return false;
  const tags = (link.tags ?? []).map((t) => t.toLowerCase());
  if (filter.tags.some((t) => !tags.includes(t))) return false;
  const haystack = [link.from, link.to, refName(link.from, documentPath), refName(link.to, documentPath), link.relation, link.note, link.author, ...tags].filter(Boolean).join(' ').toLowerCase();
  return filter.words.every((w) => haystack.includes(w));
}

/** "supports → The common law system…": what the row says, as for a link with words of its own. */
export function linkTitle(link: AnchorlessLink, refName: RefName, documentPath: string): string {
  return `${link.relation} → ${refName(link.to, documentPath)}`;
}

/** Where clicking the row goes: the `from` annotation (its document and id). */
export function fromTarget(entry: LinkEntry, documentUri: (documentPath: string) => string): { uri: string; id: string } | undefined {
  const parsed = parseAnnotationRef(entry.link.from);
  if (!parsed) return undefined;
  return { uri: parsed.document ? documentUri(parsed.document) : entry.uri.toString(), id: parsed.id };
}
