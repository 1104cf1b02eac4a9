import { CodePointIndex } from '../anchoring/offsets';
import type { Entity } from '../entities/types';
import { isSuperseded, lookupOf } from '../agreement/superseded';
import { AnchorlessLink, Annotation, compareAnnotations, formatAnnotationRef, Link, LinkRelation, parseAnnotationRef, Sidecar } from '../model';

// What every export reads: the documents with their normalised text and sidecar, and the entity
// catalogue. Exports count positions in code points (what W3C selectors, REFI-QDA, Python and R count),
// converted here from the UTF-16 offsets sidecars store.

export interface CorpusDocument {
  /** Workspace-relative path, '/' separators. */
  path: string;
  /** Normalised text (BOM removed, line ends LF): what the anchors refer to. */
  text: string;
  sidecar: Sidecar;
}

export interface ExportCorpus {
  documents: CorpusDocument[];
  entities: Entity[];
}

/** An annotation placed in its document, with everything the exports need precomputed. */
export interface ExportAnnotation {
  document: string;
  ref: string;
  annotation: Annotation;
  /** Code point offsets; undefined when the anchor does not quote the text at its offsets (orphaned, ambiguous). */
  position?: { start: number; end: number };
}

/** An anchorless link, with its ends made absolute (`path#id`). */
export interface ExportLink {
  document: string;
  ref: string;
  link: AnchorlessLink;
  from: string;
  to: string;
}

export interface LinkEnd {
  /** The link annotation's full reference. */
  link: string;
  relation: LinkRelation;
  /** The other end: a full `path#id` reference, or an entity id / unresolved reference as written. */
  other: string;
}

export interface ResolvedCorpus {
  documents: Array<CorpusDocument & { annotations: ExportAnnotation[]; links: ExportLink[]; codePoints: number }>;
  entities: Entity[];
  /** Every annotation by full reference. */
  byRef: Map<string, ExportAnnotation>;
  /** Links leaving each annotation (it is their `from`) and arriving at it (their `to`), by full reference. */
  outgoing: Map<string, LinkEnd[]>;
  incoming: Map<string, LinkEnd[]>;
}

/**
 * The documents without the versions an adjudication superseded (core/agreement/superseded.ts), judged
 * against every document given, and the references (`path#id`) of those left out, in document order.
 * What foreign formats export by default: a reader of a CSV or a QDA project gets the team's answer once.
 */
export function withoutSupersededVersions(documents: readonly CorpusDocument[]): { documents: CorpusDocument[]; leftOut: string[] } {
  const lookup = lookupOf(documents.flatMap((d) => [...d.sidecar.annotations, ...(d.sidecar.links ?? [])]));
  const leftOut: string[] = [];
  const keep = <T extends { id: string; supersededBy?: string }>(path: string, items: readonly T[]): T[] =>
    items.filter((a) => {
      const gone = a.supersededBy !== undefined && isSuperseded(a, lookup);
      if (gone) leftOut.push(formatAnnotationRef(path, a.id));
      return !gone;
    });
  const current = documents.map((d) => {
    const links = d.sidecar.links && keep(d.path, d.sidecar.links);
    return { ...d, sidecar: { ...d.sidecar, annotations: keep(d.path, d.sidecar.annotations), ...(links ? { links } : {}) } };
  });
  return { documents: current, leftOut: leftOut.sort() };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `#id` made absolute against its document; entity ids and topics unchanged. */
export function absoluteRef(ref: string, document: string): string {
  const parsed = parseAnnotationRef(ref);
  return parsed ? formatAnnotationRef(parsed.document ?? document, parsed.id) : ref;
}

/** Sorts, converts positions and resolves links in both directions. Deterministic for equal inputs. */
export function resolveCorpus(corpus: ExportCorpus): ResolvedCorpus {
  const byRef = new Map<string, ExportAnnotation>();
  const documents = [...corpus.documents]
    .sort((a, b) => byText(a.path, b.path))
    .map((doc) => {
      const index = new CodePointIndex(doc.text);
      const annotations = [...doc.sidecar.annotations].sort(compareAnnotations).map((annotation): ExportAnnotation => {
        const { start, end, exact } = annotation.anchor;
        const placed = end <= doc.text.length && doc.text.slice(start, end) === exact;
        const item: ExportAnnotation = { document: doc.path, ref: formatAnnotationRef(doc.path, annotation.id), annotation };
        if (placed) item.position = { start: index.toCodePoint(start), end: index.toCodePoint(end) };
        byRef.set(item.ref, item);
        return item;
      });
      const links = [...(doc.sidecar.links ?? [])]
        .sort((a, b) => byText(a.id, b.id))
        .map((link): ExportLink => ({ document: doc.path, ref: formatAnnotationRef(doc.path, link.id), link, from: absoluteRef(link.from, doc.path), to: absoluteRef(link.to, doc.path) }));
      return { ...doc, annotations, links, codePoints: index.toCodePoint(doc.text.length) };
    });
  const outgoing = new Map<string, LinkEnd[]>();
  const incoming = new Map<string, LinkEnd[]>();
  const add = (map: Map<string, LinkEnd[]>, key: string, end: LinkEnd) => map.set(key, [...(map.get(key) ?? []), end]);
  for (const doc of documents) {
    for (const item of doc.annotations) {
      if (item.annotation.kind !== 'link') continue;
      const link = item.annotation as Link;
      const from = absoluteRef(link.from, doc.path);
      const to = absoluteRef(link.to, doc.path);
      if (byRef.has(from)) add(outgoing, from, { link: item.ref, relation: link.relation, other: to });
      if (byRef.has(to)) add(incoming, to, { link: item.ref, relation: link.relation, other: from });
    }
    for (const l of doc.links) {
      if (byRef.has(l.from)) add(outgoing, l.from, { link: l.ref, relation: l.link.relation, other: l.to });
      if (byRef.has(l.to)) add(incoming, l.to, { link: l.ref, relation: l.link.relation, other: l.from });
    }
  }
  const entities = [...corpus.entities].sort((a, b) => byText(a.id, b.id));
  return { documents, entities, byRef, outgoing, incoming };
}
