// The Stance Map service: stances grouped by target (rows) and document (columns, in date order).
//
//   const map = buildStanceMap({ documents: index.documents(), filters: { tags: ['gba'] }, entityName });
//   map.rows[0].cells[0].polarity   // 'support' | 'oppose' | 'mixed' | 'neutral'
import { isSuperseded, lookupOf } from '../agreement/superseded';
import { parseAnnotationRef, TOPIC_PREFIX } from '../model';
import { partyDisplayName } from '../parties';
import type { AnnotationSummary } from '../workspace/summaries';
import { cellOf } from './aggregate';
import type { RowKind, StanceMap, StanceMapColumn, StanceMapDocument, StanceMapFilters, StanceMapOptions, StanceMapRow, StanceRef } from './types';

const KIND_ORDER: Record<RowKind, number> = { topic: 0, entity: 1, claim: 2 };

/** Documents by date of publication (undated last), then by path: the map's columns and the timeline's order. */
export function orderDocuments<T extends StanceMapDocument>(documents: readonly T[]): T[] {
  return [...documents].sort((a, b) => {
    const [da, db] = [a.metadata?.published, b.metadata?.published];
    if (da !== db) return da === undefined ? 1 : db === undefined ? -1 : da < db ? -1 : 1;
    return a.documentPath < b.documentPath ? -1 : a.documentPath > b.documentPath ? 1 : 0;
  });
}

function columnOf(doc: StanceMapDocument): StanceMapColumn {
  const m = doc.metadata;
  return { documentPath: doc.documentPath, title: m?.title ?? doc.documentPath.split('/').pop()!, ...(m?.published ? { date: m.published } : {}), ...(m?.publisher ? { publisher: m.publisher } : {}) };
}

function passes(a: AnnotationSummary, filters: StanceMapFilters): boolean {
  if (filters.authors?.length && !filters.authors.includes(a.author)) return false;
  if (filters.holders?.length && !filters.holders.includes(a.holder ?? '')) return false;
  if (filters.tags?.length && !(a.tags ?? []).some((t) => filters.tags!.includes(t))) return false;
  return true;
}

export function buildStanceMap(options: StanceMapOptions): StanceMap {
  const filters = options.filters ?? {};
  const entityName = options.entityName ?? (() => undefined);
  const documents = orderDocuments(options.documents);
  const columns = documents.map(columnOf);
  const claims = new Map<string, AnnotationSummary>();
  for (const doc of documents) for (const a of doc.annotations) if (a.kind === 'claim') claims.set(`${doc.documentPath}#${a.id}`, a);

  const authors = new Set<string>();
  const tags = new Set<string>();
  const holders = new Map<string, string>();
  const rows = new Map<string, { kind: RowKind; label: string; byColumn: Map<number, StanceRef[]> }>();
  let stances = 0;
  // A stance an adjudication superseded is not the team's answer: only the curated version is counted.
  const everyAnnotation = lookupOf(documents.flatMap((d) => d.annotations));
  documents.forEach((doc, column) => {
    // "The author" of each document is named by its metadata, so authors of different documents stay apart.
    const docAuthors = doc.metadata?.authors?.join(', ');
    for (const a of doc.annotations) {
      if (a.kind !== 'stance' || !a.target || !a.holder || !a.polarity) continue;
      if (a.supersededBy !== undefined && isSuperseded(a, everyAnnotation)) continue;
      const holderName = a.holder === 'author' && docAuthors ? docAuthors : partyDisplayName(a.holder, entityName);
      authors.add(a.author);
      for (const t of a.tags ?? []) tags.add(t);
      if (!holders.has(a.holder)) holders.set(a.holder, a.holder === 'author' ? 'the author (of each document)' : holderName);
      if (!passes(a, filters)) continue;
      const target = rowOf(a.target, doc.documentPath, claims, entityName);
      let row = rows.get(target.key);
      if (!row) rows.set(target.key, (row = { kind: target.kind, label: target.label, byColumn: new Map() }));
      const list = row.byColumn.get(column) ?? [];
      list.push({ id: a.id, documentPath: doc.documentPath, start: a.start, end: a.end, exact: a.exact, holder: a.holder, holderName, polarity: a.polarity, author: a.author });
      row.byColumn.set(column, list);
      stances++;
    }
  });

  const built: StanceMapRow[] = [...rows].map(([key, r]) => {
    const cells = [...r.byColumn].sort(([x], [y]) => x - y).map(([column, list]) => cellOf(column, list, r.label, columns[column].title));
    return { key, kind: r.kind, label: r.label, cells, total: cells.reduce((n, c) => n + c.stances.length, 0) };
  });
  built.sort((x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || y.total - x.total || x.label.localeCompare(y.label));
  const sorted = <T>(set: Iterable<T>) => [...set].sort();
  return {
    columns,
    rows: built,
    available: { authors: sorted(authors), tags: sorted(tags), holders: [...holders].map(([key, name]) => ({ key, name })).sort((x, y) => x.name.localeCompare(y.name)) },
    filters,
    totals: { stances, cells: built.reduce((n, r) => n + r.cells.length, 0), documents: columns.length, rows: built.length },
  };
}

function rowOf(target: string, documentPath: string, claims: Map<string, AnnotationSummary>, entityName: (id: string) => string | undefined): { key: string; kind: RowKind; label: string } {
  if (target.startsWith(TOPIC_PREFIX)) return { key: target, kind: 'topic', label: target.slice(TOPIC_PREFIX.length) };
  const ref = parseAnnotationRef(target);
  if (!ref) return { key: target, kind: 'entity', label: entityName(target) ?? target };
  const key = `${ref.document ?? documentPath}#${ref.id}`;
  return { key, kind: 'claim', label: claims.get(key)?.label ?? key };
}
