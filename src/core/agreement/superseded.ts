// The one definition of "superseded", read by every view of the current annotations (trees, decorations,
// hovers, the stance map, counts, exports) and by validation. After an adjudication the competing
// versions carry `supersededBy: <curated id>` (adjudicate.ts): the team's answer is the curated one,
// so they are left out of what a reader sees as current. Agreement and the Disagreements view read
// the annotators' originals and do not ask this.
//
// An annotation is superseded when its `supersededBy` names an annotation that exists in the same
// workspace folder (any sidecar: ids are unique there). A `supersededBy` that names nothing is a
// dangling reference: the annotation stays current (data is never hidden on a broken promise) and
// validation and Needs Review report it. A ring of `supersededBy` (a → b → a) has no current version
// and is reported the same way, every member left current.

/** What the definition needs of an annotation (an annotation, an anchorless link or a summary). */
export interface Supersedable {
  id: string;
  supersededBy?: string;
}

/** The annotation with this id in the workspace folder, or undefined when there is none. */
export type SupersedableLookup = (id: string) => Supersedable | undefined;

export type Supersession =
  /** Superseded: `by` is the curated annotation that replaced it (its `supersededBy`). */
  | { superseded: true; by: string }
  /** Not hidden: `supersededBy` names nothing, or leads round in a ring. `problem` says so, for validation and review. */
  | { superseded: false; problem: string };

/** Whether and why an annotation is superseded; undefined when it has no `supersededBy` at all (the common case). */
export function supersession(annotation: Supersedable, lookup: SupersedableLookup): Supersession | undefined {
  const by = annotation.supersededBy;
  if (by === undefined) return undefined;
  if (!lookup(by)) return { superseded: false, problem: danglingMessage(by) };
  // Follow the chain (a version the curator later replaced again): it must end at a current annotation.
  const seen = new Set([annotation.id]);
  for (let next: string | undefined = by; next !== undefined; next = lookup(next)?.supersededBy) {
    if (seen.has(next)) return { superseded: false, problem: `supersededBy '${by}' leads back to '${next}': no version in that ring is current, so none is hidden` };
    seen.add(next);
    if (!lookup(next)) break;
  }
  return { superseded: true, by };
}

export function isSuperseded(annotation: Supersedable, lookup: SupersedableLookup): boolean {
  return supersession(annotation, lookup)?.superseded === true;
}

/** The problem a `supersededBy` that cannot be followed is reported as, or undefined. */
export function supersessionProblem(annotation: Supersedable, lookup: SupersedableLookup): string | undefined {
  const s = supersession(annotation, lookup);
  return s && !s.superseded ? s.problem : undefined;
}

/** A lookup over a set of annotations (one workspace folder's, every sidecar). */
export function lookupOf(annotations: Iterable<Supersedable>): SupersedableLookup {
  const byId = new Map<string, Supersedable>();
  for (const a of annotations) if (!byId.has(a.id)) byId.set(a.id, a);
  return (id) => byId.get(id);
}

/** `items` without the superseded ones, in order; `lookup` defaults to the items themselves. */
export function withoutSuperseded<T extends Supersedable>(items: readonly T[], lookup: SupersedableLookup = lookupOf(items)): T[] {
  return items.filter((a) => a.supersededBy === undefined || !isSuperseded(a, lookup));
}

function danglingMessage(by: string): string {
  return `supersededBy '${by}': no annotation '${by}' in the workspace, so this version is still shown as current`;
}
