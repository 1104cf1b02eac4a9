import { canonicalJson } from '../canonicalJson';
import { AnnotationKind, FIELD_ORDER, isAnchorless, METADATA_FIELD_ORDER, Sidecar, SidecarEntry, sidecarEntries } from '../model';

// The semantic diff of sidecars: what a reviewer wants from a change to annotations/, by annotation id
// rather than by YAML line. Pure: callers read the two versions (git, files) and pass Sidecar values.

/** A value as it stands on one side; undefined when the field is absent there. */
export type FieldValue = string | number | boolean | string[] | Record<string, unknown> | undefined;

export interface FieldChange {
  /** Annotation field, or `anchor.exact` / `anchor.prefix` / `anchor.suffix` for the quote and its context. */
  field: string;
  before: FieldValue;
  after: FieldValue;
}

export interface Span {
  start: number;
  end: number;
}

/** An added or removed annotation, with its own fields (in the model's field order). */
export interface AnnotationSummary {
  id: string;
  kind: AnnotationKind;
  /** The quote; empty for a link with no words of its own (`anchorless`), which has no span either. */
  exact: string;
  span?: Span;
  anchorless?: true;
  fields: Array<{ field: string; value: FieldValue }>;
}

export interface ChangedAnnotation {
  id: string;
  kind: AnnotationKind;
  /** The quote as it is after the change (empty for an anchorless link). */
  exact: string;
  anchorless?: true;
  changes: FieldChange[];
  /** Set when the anchor's offsets changed. */
  moved?: { before: Span; after: Span };
}

export interface DocumentDiff {
  document: string;
  /** `added`: no sidecar before; `removed`: none after. */
  status: 'added' | 'removed' | 'changed';
  /** Changes to the sidecar itself (document path, fingerprint, schema version, `metadata.<field>`). */
  sidecarChanges: FieldChange[];
  added: AnnotationSummary[];
  removed: AnnotationSummary[];
  changed: ChangedAnnotation[];
}

export interface DiffTotals {
  documents: number;
  added: number;
  removed: number;
  changed: number;
}

export interface DiffReport {
  /** What the two sides are, for headings: a revision, `working tree`, or a file name. */
  before: string;
  after: string;
  documents: DocumentDiff[];
  totals: DiffTotals;
}

/** Fields shown for an added or removed annotation: everything but the id, kind and anchor. */
const SUMMARY_SKIP = new Set(['id', 'kind', 'anchor']);

function record(a: SidecarEntry): Record<string, unknown> {
  return a as unknown as Record<string, unknown>;
}

function summary(a: SidecarEntry): AnnotationSummary {
  const fields = FIELD_ORDER[a.kind].filter((f) => !SUMMARY_SKIP.has(f) && record(a)[f] !== undefined).map((field) => ({ field, value: record(a)[field] as FieldValue }));
  if (isAnchorless(a)) return { id: a.id, kind: a.kind, exact: '', anchorless: true, fields };
  return { id: a.id, kind: a.kind, exact: a.anchor.exact, span: { start: a.anchor.start, end: a.anchor.end }, fields };
}

const same = (x: unknown, y: unknown) => canonicalJson(x) === canonicalJson(y);

/** Field order for a change: the after side's kind order, then any field only the before side has. */
function fieldOrder(before: SidecarEntry, after: SidecarEntry): string[] {
  const order = [...FIELD_ORDER[after.kind]];
  for (const f of FIELD_ORDER[before.kind]) if (!order.includes(f)) order.push(f);
  for (const f of Object.keys(record(before)).concat(Object.keys(record(after)))) if (!order.includes(f)) order.push(f);
  return order;
}

/** What changed in one annotation; undefined when nothing did. */
export function diffAnnotation(before: SidecarEntry, after: SidecarEntry): ChangedAnnotation | undefined {
  const changes: FieldChange[] = [];
  let moved: ChangedAnnotation['moved'];
  for (const field of fieldOrder(before, after)) {
    const b = record(before)[field];
    const a = record(after)[field];
    if (field === 'anchor' && (isAnchorless(before) || isAnchorless(after))) {
      if (!same(b, a)) changes.push({ field, before: b as FieldValue, after: a as FieldValue });
    } else if (field === 'anchor' && !isAnchorless(before) && !isAnchorless(after)) {
      for (const part of ['exact', 'prefix', 'suffix'] as const) {
        if (before.anchor[part] !== after.anchor[part]) changes.push({ field: `anchor.${part}`, before: before.anchor[part], after: after.anchor[part] });
      }
      if (before.anchor.start !== after.anchor.start || before.anchor.end !== after.anchor.end) {
        moved = { before: { start: before.anchor.start, end: before.anchor.end }, after: { start: after.anchor.start, end: after.anchor.end } };
      }
    } else if (!same(b, a)) {
      changes.push({ field, before: b as FieldValue, after: a as FieldValue });
    }
  }
  if (!changes.length && !moved) return undefined;
  const out: ChangedAnnotation = isAnchorless(after) ? { id: after.id, kind: after.kind, exact: '', anchorless: true, changes } : { id: after.id, kind: after.kind, exact: after.anchor.exact, changes };
  if (moved) out.moved = moved;
  return out;
}

/** The diff of one document's sidecar; `undefined` on a side means the sidecar does not exist there. */
export function diffSidecars(before: Sidecar | undefined, after: Sidecar | undefined, document?: string): DocumentDiff {
  const name = document ?? after?.document ?? before?.document ?? '';
  const status = !before ? 'added' : !after ? 'removed' : 'changed';
  const sidecarChanges: FieldChange[] = [];
  if (before && after) {
    for (const field of ['document', 'fingerprint', 'schemaVersion'] as const) {
      if (before[field] !== after[field]) sidecarChanges.push({ field, before: before[field], after: after[field] });
    }
    for (const field of METADATA_FIELD_ORDER) {
      const [was, now] = [before.metadata?.[field], after.metadata?.[field]];
      if (!same(was, now)) sidecarChanges.push({ field: `metadata.${field}`, before: was, after: now });
    }
  }
  // Anchored annotations by place, then anchorless links by id (the order sidecars are written in).
  const old = new Map(sidecarEntries(before ?? { annotations: [] }).map((a) => [a.id, a]));
  const now = new Map(sidecarEntries(after ?? { annotations: [] }).map((a) => [a.id, a]));
  const sorted = (list: SidecarEntry[]) => list;
  const added = sorted([...now.values()].filter((a) => !old.has(a.id))).map(summary);
  const removed = sorted([...old.values()].filter((a) => !now.has(a.id))).map(summary);
  const changed: ChangedAnnotation[] = [];
  for (const a of sorted([...now.values()].filter((x) => old.has(x.id)))) {
    const change = diffAnnotation(old.get(a.id)!, a);
    if (change) changed.push(change);
  }
  return { document: name, status, sidecarChanges, added, removed, changed };
}

/** True when the document diff has anything to show. */
export function hasChanges(d: DocumentDiff): boolean {
  return d.status !== 'changed' || d.sidecarChanges.length > 0 || d.added.length > 0 || d.removed.length > 0 || d.changed.length > 0;
}

export interface SidecarPair {
  document: string;
  before?: Sidecar;
  after?: Sidecar;
}

/** The report over many documents: unchanged ones are left out, the rest sorted by path. */
export function diffCorpus(pairs: SidecarPair[], before: string, after: string): DiffReport {
  const documents = pairs
    .filter((p) => p.before || p.after)
    .map((p) => diffSidecars(p.before, p.after, p.document))
    .filter(hasChanges)
    .sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0));
  const totals: DiffTotals = { documents: documents.length, added: 0, removed: 0, changed: 0 };
  for (const d of documents) {
    totals.added += d.added.length;
    totals.removed += d.removed.length;
    totals.changed += d.changed.length;
  }
  return { before, after, documents, totals };
}
