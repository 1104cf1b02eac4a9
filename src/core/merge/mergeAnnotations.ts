import { canonicalJson } from '../canonicalJson';
import { Annotation } from '../model';

export interface MergeResult {
  annotations: Annotation[];
  /** Ids changed differently on both sides: `ours` was kept and marked for review. */
  conflicts: string[];
}

const same = (a: Annotation | undefined, b: Annotation | undefined) => canonicalJson(a) === canonicalJson(b);

/**
 * Three-way merge by annotation id. Additions from both sides are kept; a change on one side wins over
 * no change; a deletion wins over no change; the same annotation changed differently on both sides keeps
 * `ours`, marked `review: conflict` with the other side's version described, so nothing is silently lost.
 */
export function mergeAnnotations(base: Annotation[], ours: Annotation[], theirs: Annotation[]): MergeResult {
  const byId = (list: Annotation[]) => new Map(list.map((a) => [a.id, a]));
  const b = byId(base);
  const o = byId(ours);
  const t = byId(theirs);
  const ids = new Set([...o.keys(), ...t.keys(), ...b.keys()]);
  const merged: Annotation[] = [];
  const conflicts: string[] = [];
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
      merged.push({ ...ov, review: { status: 'conflict', reason: describeConflict(ov, tv) } });
    } else {
      // Deleted on one side, changed on the other: keep the changed one for a person to decide.
      const kept = (ov ?? tv)!;
      conflicts.push(id);
      merged.push({ ...kept, review: { status: 'conflict', reason: `deleted on ${ov ? 'their' : 'our'} side, changed on ${ov ? 'ours' : 'theirs'}` } });
    }
  }
  return { annotations: merged, conflicts };
}

function describeConflict(ours: Annotation, theirs: Annotation): string {
  const o = ours as unknown as Record<string, unknown>;
  const t = theirs as unknown as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(o), ...Object.keys(t)])].filter((k) => k !== 'modified' && canonicalJson(o[k]) !== canonicalJson(t[k]));
  const theirsValues = fields.map((k) => `${k}: ${JSON.stringify(t[k] ?? null)}`).join('; ');
  return `changed on both sides; kept ours, theirs had ${theirsValues || 'only a different modified time'}`;
}
