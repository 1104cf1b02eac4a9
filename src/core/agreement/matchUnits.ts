import { Annotation, AnnotationKind } from '../model';

// Units: annotations of the same kind in the same document by different annotators, matched by span.
// The rule: every pair of overlapping annotations by two different annotators is a candidate, scored
// by IoU (overlap / union of the two spans, in characters; an exact span scores 1, so exact matches
// are always taken first); candidates are taken best first (ties in document order) and join two
// units only when the score reaches the threshold and the units have no annotator in common, so each
// annotator has at most one annotation per unit (one-to-one).

export interface Coded {
  annotator: number;
  document: string;
  annotation: Annotation;
}

export interface Unit {
  document: string;
  kind: AnnotationKind;
  /** The span covering every member. */
  start: number;
  end: number;
  /** Members by annotator index; at most one each. */
  members: Map<number, Annotation>;
}

export const DEFAULT_IOU_THRESHOLD = 0.5;

export function iou(a: Annotation, b: Annotation): number {
  const overlap = Math.min(a.anchor.end, b.anchor.end) - Math.max(a.anchor.start, b.anchor.start);
  if (overlap <= 0) return 0;
  const union = Math.max(a.anchor.end, b.anchor.end) - Math.min(a.anchor.start, b.anchor.start);
  return overlap / union;
}

/** Matches one document's annotations of one kind (all annotators together) into units. */
export function matchUnits(coded: readonly Coded[], threshold = DEFAULT_IOU_THRESHOLD): Unit[] {
  const items = [...coded].sort((x, y) => x.annotation.anchor.start - y.annotation.anchor.start || x.annotation.anchor.end - y.annotation.anchor.end || x.annotator - y.annotator);
  const candidates: Array<{ i: number; j: number; score: number }> = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length && items[j].annotation.anchor.start < items[i].annotation.anchor.end; j++) {
      if (items[i].annotator === items[j].annotator) continue;
      const score = iou(items[i].annotation, items[j].annotation);
      if (score >= threshold && score > 0) candidates.push({ i, j, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  // Union-find over items; each root keeps the set of annotators in its unit.
  const parent = items.map((_, i) => i);
  const annotators = items.map((c) => new Set([c.annotator]));
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const { i, j } of candidates) {
    const [a, b] = [root(i), root(j)];
    if (a === b || [...annotators[b]].some((x) => annotators[a].has(x))) continue;
    parent[b] = a;
    for (const x of annotators[b]) annotators[a].add(x);
  }
  const units = new Map<number, Unit>();
  items.forEach((c, i) => {
    const r = root(i);
    let unit = units.get(r);
    if (!unit) units.set(r, (unit = { document: c.document, kind: c.annotation.kind, start: c.annotation.anchor.start, end: c.annotation.anchor.end, members: new Map() }));
    unit.members.set(c.annotator, c.annotation);
    unit.start = Math.min(unit.start, c.annotation.anchor.start);
    unit.end = Math.max(unit.end, c.annotation.anchor.end);
  });
  return [...units.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
