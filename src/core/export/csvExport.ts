import { absoluteRef, ExportAnnotation, ExportCorpus, ExportLink, resolveCorpus } from './corpus';
import { metadataCsvValues, METADATA_CSV_COLUMNS } from './documentMetadata';

// CSV, one row per annotation, for spreadsheets, R and pandas. RFC 4180: CRLF between records, fields
// quoted when they hold a comma, quote, CR or LF, quotes doubled; UTF-8 with a header row. start and end
// count code points (Python's and R's string indexing), end exclusive; empty when the anchor is not placed.
// Combined columns hold whichever field the kind has: label_note is a claim's label or another kind's
// note; the column note holds every kind's note (so a claim's note is not lost). The document_* columns
// after it repeat the document's metadata on each of its rows.

const ANNOTATION_COLUMNS = [
  'document',
  'id',
  'kind',
  'start',
  'end',
  'exact',
  'label_note',
  'speaker_holder',
  'claimType_polarity',
  'target',
  'from',
  'to',
  'relation',
  'tags',
  'author',
  'created',
  'modified',
  'review',
  'note',
] as const;

export const CSV_COLUMNS: readonly string[] = [...ANNOTATION_COLUMNS, ...METADATA_CSV_COLUMNS];

export interface CsvOptions {
  /** Start with a byte order mark, which Excel needs to read UTF-8. */
  bom?: boolean;
  /** Leave cells that start with `=`, `+`, `-`, `@`, tab or CR as they are (default: neutralised, see below). */
  keepFormulas?: boolean;
}

// CSV injection (OWASP): Excel and LibreOffice run a cell that starts with =, +, -, @, tab or carriage
// return as a formula (=HYPERLINK(…), =cmd|…). Such a cell is prefixed with a single quote, which the
// spreadsheet shows as text and does not run; R and pandas readers see the quote, so keepFormulas turns
// this off for them. The numeric start and end columns never need it.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function exportCsv(corpus: ExportCorpus, options: CsvOptions = {}): string {
  const resolved = resolveCorpus(corpus);
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const doc of resolved.documents) {
    for (const item of doc.annotations) rows.push([...row(item), ...metadataCsvValues(doc.sidecar.metadata)]);
    // A link with no words of its own: empty start, end and exact.
    for (const item of doc.links) rows.push([...linkRow(item), ...metadataCsvValues(doc.sidecar.metadata)]);
  }
  const cell = options.keepFormulas ? csvField : (value: string) => csvField(neutraliseFormula(value));
  return (options.bom ? '\ufeff' : '') + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

function row(item: ExportAnnotation): string[] {
  const a = item.annotation;
  const values: Record<(typeof ANNOTATION_COLUMNS)[number], string> = {
    document: item.document,
    id: a.id,
    kind: a.kind,
    start: item.position ? String(item.position.start) : '',
    end: item.position ? String(item.position.end) : '',
    exact: a.anchor.exact,
    label_note: a.kind === 'claim' ? a.label : (a.note ?? ''),
    speaker_holder: a.kind === 'claim' ? a.speaker : a.kind === 'stance' ? a.holder : '',
    claimType_polarity: a.kind === 'claim' ? a.claimType : a.kind === 'stance' ? a.polarity : '',
    target: a.kind === 'stance' ? absoluteRef(a.target, item.document) : '',
    from: a.kind === 'link' ? absoluteRef(a.from, item.document) : '',
    to: a.kind === 'link' ? absoluteRef(a.to, item.document) : '',
    relation: a.kind === 'link' ? a.relation : '',
    tags: (a.tags ?? []).join(';'),
    author: a.author,
    created: a.created,
    modified: a.modified,
    review: a.review?.status ?? '',
    note: a.note ?? '',
  };
  return ANNOTATION_COLUMNS.map((c) => values[c]);
}

function linkRow({ document, link, from, to }: ExportLink): string[] {
  const values: Record<(typeof ANNOTATION_COLUMNS)[number], string> = {
    document, id: link.id, kind: 'link', start: '', end: '', exact: '', label_note: link.note ?? '', speaker_holder: '', claimType_polarity: '', target: '',
    from, to, relation: link.relation, tags: (link.tags ?? []).join(';'), author: link.author, created: link.created, modified: link.modified, review: link.review?.status ?? '', note: link.note ?? '',
  };
  return ANNOTATION_COLUMNS.map((c) => values[c]);
}

/** RFC 4180 quoting. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
