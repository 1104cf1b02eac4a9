// The lookups over the indexed summaries: annotations by id, by the entity they name, and by the
// annotation their links and stances point at. Kept in step one document at a time.
import { parseAnnotationRef, TOPIC_PREFIX } from '../model';
import { isNonEntityParty } from '../parties';
import type { AnnotationSummary, DocumentSummary, LinkSummary } from './summaries';

/** Which field of an annotation refers to another annotation or an entity. */
export type ReferenceField = 'speaker' | 'holder' | 'target' | 'from' | 'to';

export interface Reference {
  /** The annotation that refers, or the anchorless link. */
  annotation: AnnotationSummary | LinkSummary;
  field: ReferenceField;
}

const REF_FIELDS: ReferenceField[] = ['speaker', 'holder', 'target', 'from', 'to'];

export class ReferenceIndex {
  private readonly ids = new Map<string, AnnotationSummary[]>();
  private readonly entities = new Map<string, Reference[]>();
  /** `documentPath#id` → annotations whose from/to/target point there. */
  private readonly refs = new Map<string, Reference[]>();

  add(doc: DocumentSummary): void {
    const documentPath = doc.documentPath;
    for (const a of doc.annotations) push(this.ids, a.id, a);
    for (const a of [...doc.annotations, ...(doc.links ?? [])]) {
      for (const field of REF_FIELDS) {
        const value = (a as Partial<Record<ReferenceField, string>>)[field];
        if (value === undefined || isNonEntityParty(value) || value.startsWith(TOPIC_PREFIX)) continue;
        const ref = parseAnnotationRef(value);
        if (ref) push(this.refs, `${ref.document ?? documentPath}#${ref.id}`, { annotation: a, field });
        else push(this.entities, value, { annotation: a, field });
      }
    }
  }

  remove(doc: DocumentSummary): void {
    const documentPath = doc.documentPath;
    // Each key once: an entity named by thousands of annotations is filtered once, not per mention.
    const ids = new Set<string>();
    const refs = new Set<string>();
    const entities = new Set<string>();
    for (const a of doc.annotations) ids.add(a.id);
    for (const a of [...doc.annotations, ...(doc.links ?? [])]) {
      for (const field of REF_FIELDS) {
        const value = (a as Partial<Record<ReferenceField, string>>)[field];
        if (value === undefined) continue;
        const ref = parseAnnotationRef(value);
        if (ref) refs.add(`${ref.document ?? documentPath}#${ref.id}`);
        else entities.add(value);
      }
    }
    const notMine = (r: Reference): boolean => r.annotation.documentPath !== documentPath;
    for (const id of ids) prune(this.ids, id, (a) => a.documentPath !== documentPath);
    for (const key of refs) prune(this.refs, key, notMine);
    for (const key of entities) prune(this.entities, key, notMine);
  }

  /** Annotations with this id anywhere in the folder (more than one only if ids clash). */
  byId(id: string): readonly AnnotationSummary[] {
    return this.ids.get(id) ?? [];
  }

  /** The annotation a reference (`path#id`, or `#id` read in `fromDocument`) points at. */
  resolve(ref: string, fromDocument: string): AnnotationSummary | undefined {
    const parsed = parseAnnotationRef(ref);
    if (!parsed) return undefined;
    const documentPath = parsed.document ?? fromDocument;
    return this.byId(parsed.id).find((a) => a.documentPath === documentPath);
  }

  /** Annotations whose speaker, holder, target, from or to is this entity id. */
  byEntity(entityId: string): readonly Reference[] {
    return this.entities.get(entityId) ?? [];
  }

  /** Entity ids referred to anywhere, with how many references each has. */
  entityCounts(): Map<string, number> {
    return new Map([...this.entities].map(([id, list]) => [id, list.length]));
  }

  /** Links and stances that point at this annotation (their from, to or target). */
  incoming(documentPath: string, id: string): readonly Reference[] {
    return this.refs.get(`${documentPath}#${id}`) ?? [];
  }

  /** What this annotation points at: each of its from/to/target that names an existing annotation. */
  outgoing(documentPath: string, id: string): Array<{ field: ReferenceField; annotation: AnnotationSummary }> {
    const a = this.byId(id).find((s) => s.documentPath === documentPath);
    if (!a) return [];
    const out: Array<{ field: ReferenceField; annotation: AnnotationSummary }> = [];
    for (const field of ['from', 'to', 'target'] as const) {
      const value = a[field];
      const target = value === undefined ? undefined : this.resolve(value, documentPath);
      if (target) out.push({ field, annotation: target });
    }
    return out;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function prune<K, V>(map: Map<K, V[]>, key: K, keep: (v: V) => boolean): void {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter(keep);
  if (kept.length) map.set(key, kept);
  else map.delete(key);
}
