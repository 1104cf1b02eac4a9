import { canonicalJson } from '../canonicalJson';
import { AnchorlessLink, Annotation, linksPart, Sidecar, SidecarEntry } from '../model';

export interface MergeResult<T extends SidecarEntry = Annotation> {
  annotations: T[];
  /** Ids marked `review: conflict`: changed differently on both sides (`ours` kept), or deleted on one side and edited on the other (the edit kept). */
  conflicts: string[];
  /** The part of `conflicts` deleted on one side and edited on the other. */
  deletedEdited: string[];
}

const same = (a: SidecarEntry | undefined, b: SidecarEntry | undefined) => canonicalJson(a) === canonicalJson(b);

/**
 * What a person edits: every field but the anchor and the review entry, which re-anchoring rewrites
 * whenever the document's text changed. A deletion stands against a copy that was only re-anchored.
 */
function edited(base: SidecarEntry, other: SidecarEntry): string[] {
  const b = base as unknown as Record<string, unknown>;
  const o = other as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(o)])].filter((k) => k !== 'anchor' && k !== 'review' && k !== 'modified' && canonicalJson(b[k]) !== canonicalJson(o[k]));
}

/**
 * Three-way merge by annotation id. Additions from both sides are kept; a change on one side wins over
 * no change; a deletion wins over no change and over a copy that was only re-anchored (deletions
 * stick); the same annotation changed differently on both sides keeps `ours`, marked `review: conflict`
 * with the other side's version described; deleted on one side and edited on the other keeps the
 * edited one, marked `review: conflict` naming the deletion and the edit, so nothing is silently lost.
 */
export function mergeAnnotations<T extends SidecarEntry = Annotation>(base: readonly T[], ours: readonly T[], theirs: readonly T[]): MergeResult<T> {
  const byId = (list: readonly T[]) => new Map(list.map((a) => [a.id, a]));
  const b = byId(base);
  const o = byId(ours);
  const t = byId(theirs);
  const ids = new Set([...o.keys(), ...t.keys(), ...b.keys()]);
  const merged: T[] = [];
  const conflicts: string[] = [];
  const deletedEdited: string[] = [];
  for (const id of ids) {
    const [bv, ov, tv] = [b.get(id), o.get(id), t.get(id)];
    if (same(ov, tv)) {
      if (ov) merged.push(ov);
    } else if (same(bv, ov)) {
      if (tv) merged.push(tv);
    } else if (same(bv, tv)) {
      if (ov) merged.push(ov);
    } else if (ov && tv) {
      conflicts.push(id);
      merged.push({ ...ov, review: { status: 'conflict', reason: describeConflict(ov, tv) } } as T);
    } else {
      // Deleted on one side. Only re-anchored on the other: the deletion stands. Edited there: kept for a person to decide.
      const kept = (ov ?? tv)!;
      const fields = bv ? edited(bv, kept) : ['all'];
      if (!fields.length) continue;
      conflicts.push(id);
      deletedEdited.push(id);
      merged.push({ ...kept, review: { status: 'conflict', reason: `deleted on ${ov ? 'their' : 'our'} side, edited on ${ov ? 'ours' : 'theirs'} (${fields.join(', ')}); kept the edited version: delete it again, or remove this review entry to keep it` } } as T);
    }
  }
  return { annotations: merged, conflicts, deletedEdited };
}

function describeConflict(ours: SidecarEntry, theirs: SidecarEntry): string {
  const o = ours as unknown as Record<string, unknown>;
  const t = theirs as unknown as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(o), ...Object.keys(t)])].filter((k) => k !== 'modified' && canonicalJson(o[k]) !== canonicalJson(t[k]));
  const theirsValues = fields.map((k) => `${k}: ${JSON.stringify(t[k] ?? null)}`).join('; ');
  return `changed on both sides; kept ours, theirs had ${theirsValues || 'only a different modified time'}`;
}

type Entries = Pick<Sidecar, 'annotations' | 'links'>;

/** Both lists of a sidecar merged the same way: anchored annotations, and anchorless links (`links` only when any). */
export function mergeSidecarEntries(base: Entries | undefined, ours: Entries, theirs: Entries | undefined): { annotations: Annotation[]; links?: AnchorlessLink[]; conflicts: string[]; deletedEdited: string[] } {
  const anchored = mergeAnnotations(base?.annotations ?? [], ours.annotations, theirs?.annotations ?? []);
  const links = mergeAnnotations<AnchorlessLink>(base?.links ?? [], ours.links ?? [], theirs?.links ?? []);
  return { annotations: anchored.annotations, ...linksPart(links.annotations), conflicts: [...anchored.conflicts, ...links.conflicts], deletedEdited: [...anchored.deletedEdited, ...links.deletedEdited] };
}
