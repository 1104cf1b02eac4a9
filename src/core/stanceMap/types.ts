// The Stance Map's typed options and result: who supports and who opposes each topic (or entity, or
// claim), document by document, in date order. Computed once in core (stanceMap.ts) and rendered by
// both fronts: the CLI (`map --format svg|markdown|json`) and the editor's webview.
import type { DocumentMetadata, Polarity } from '../model';
import type { AnnotationSummary } from '../workspace/summaries';

/** One document as the map reads it: the workspace index's summary (or an open document's live annotations). */
export interface StanceMapDocument {
  documentPath: string;
  metadata?: DocumentMetadata;
  annotations: readonly AnnotationSummary[];
}

export interface StanceMapFilters {
  /** Keep stances recorded by these annotators (the annotation's `author`); empty or absent: all. */
  authors?: readonly string[];
  /** Keep stances held by these parties (`author`, an entity id, `party:<words>`). */
  holders?: readonly string[];
  /** Keep stances carrying at least one of these tags. */
  tags?: readonly string[];
}

export interface StanceMapOptions {
  documents: readonly StanceMapDocument[];
  filters?: StanceMapFilters;
  /** Display name of an entity id (from the catalogue); default: the id. */
  entityName?: (id: string) => string | undefined;
}

export type RowKind = 'topic' | 'entity' | 'claim';

export interface StanceMapColumn {
  documentPath: string;
  /** The metadata title, else the file name. */
  title: string;
  /** `published` from the metadata (YYYY, YYYY-MM or YYYY-MM-DD); undefined: undated, placed last. */
  date?: string;
  publisher?: string;
}

/** One stance in a cell: enough to open its passage. */
export interface StanceRef {
  id: string;
  documentPath: string;
  start: number;
  end: number;
  exact: string;
  holder: string;
  holderName: string;
  polarity: Polarity;
  author: string;
}

export interface StanceMapCell {
  /** Column index. */
  column: number;
  /** The holders' polarity: one polarity when all holders agree (neutral ones aside), else mixed. */
  polarity: Polarity;
  counts: Record<Polarity, number>;
  /** Distinct holders, by display name. */
  holders: string[];
  stances: StanceRef[];
  /** A sentence for screen readers and tooltips. */
  description: string;
}

export interface StanceMapRow {
  /** The stance target as sidecars write it: `topic:<words>`, an entity id, or `path#id`. */
  key: string;
  kind: RowKind;
  label: string;
  cells: StanceMapCell[];
  total: number;
}

export interface StanceMap {
  columns: StanceMapColumn[];
  rows: StanceMapRow[];
  /** The values the filters can take, over every stance before filtering. */
  available: { authors: string[]; holders: Array<{ key: string; name: string }>; tags: string[] };
  filters: StanceMapFilters;
  totals: { stances: number; cells: number; documents: number; rows: number };
}
