import { DOCUMENT_TYPES, DocumentMetadata, DocumentType, METADATA_FIELD_ORDER } from '../model';
import { ImportedMetadata, ImportIssue } from './draft';

// Document metadata read back from the exports (export/documentMetadata.ts writes it): the W3C target's
// `source` object (Dublin Core terms) and REFI-QDA Variables with a value per TextSource. A value the sidecar
// schema would refuse is left out with a warning, so one bad field never costs the sidecar its annotations.
// Merging into a sidecar keeps what the sidecar already has: an imported value that differs is not taken, and
// the import says so (the sidecar is the user's own record; the file may be older or from another tool).

type Field = (typeof METADATA_FIELD_ORDER)[number];
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).map((x) => (isObj(x) && typeof x['@value'] === 'string' ? x['@value'] : x)).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());

const VALID: Record<Exclude<Field, 'authors'>, (v: string) => boolean> = {
  title: () => true,
  publisher: () => true,
  published: (v) => /^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/.test(v),
  url: (v) => /^https?:\/\/[^\s]+$/.test(v),
  type: (v) => (DOCUMENT_TYPES as readonly string[]).includes(v),
  language: (v) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v),
};

/** Metadata from field values as found in a file; values the schema refuses become warnings. */
export function metadataFrom(values: Partial<Record<Field, string[]>>, origin: string, warnings: ImportIssue[]): DocumentMetadata | undefined {
  const out: DocumentMetadata = {};
  for (const field of METADATA_FIELD_ORDER) {
    const got = values[field];
    if (!got?.length) continue;
    if (field === 'authors') {
      out.authors = got;
      continue;
    }
    if (!VALID[field](got[0])) {
      warnings.push({ origin, reason: `document ${field} '${got[0]}' is not valid sidecar metadata: left out` });
      continue;
    }
    if (field === 'type') out.type = got[0] as DocumentType;
    else out[field] = got[0];
  }
  return Object.keys(out).length ? out : undefined;
}

/** From a W3C target's `source` object (what w3cSource writes; dcterms:creator etc. are read too). */
export function metadataFromW3cSource(source: unknown, origin: string, warnings: ImportIssue[]): DocumentMetadata | undefined {
  if (!isObj(source)) return undefined;
  const pick = (...keys: string[]) => strings(keys.map((k) => source[k]).find((v) => v !== undefined));
  return metadataFrom(
    {
      title: pick('dc:title', 'dcterms:title', 'title'),
      authors: pick('dc:creator', 'dcterms:creator'),
      publisher: pick('dc:publisher', 'dcterms:publisher'),
      published: pick('dcterms:issued', 'dc:date', 'dcterms:date'),
      url: pick('via'),
      type: pick('dc:type', 'dcterms:type'),
      language: pick('language', 'dc:language', 'dcterms:language'),
    },
    origin,
    warnings,
  );
}

/** Field of a REFI-QDA variable, by the names our export gives ('document title') or the bare field name. */
export function fieldOfVariable(name: string): Field | undefined {
  const bare = name.trim().toLowerCase().replace(/^document[ _]/, '');
  return METADATA_FIELD_ORDER.find((f) => f === bare);
}

/**
 * Adds imported metadata to a sidecar's: fields it lacks are taken; a field it has with another value is kept
 * and reported. Returns the merged metadata (undefined when neither has any) and the fields taken.
 */
export function mergeImportedMetadata(existing: DocumentMetadata | undefined, imported: ImportedMetadata, warnings: ImportIssue[]): { metadata?: DocumentMetadata; taken: Field[] } {
  const out: DocumentMetadata = { ...existing };
  const taken: Field[] = [];
  for (const field of METADATA_FIELD_ORDER) {
    const value = imported.metadata[field];
    if (value === undefined) continue;
    const have = existing?.[field];
    if (have === undefined) {
      (out as Record<Field, unknown>)[field] = value;
      taken.push(field);
    } else if (JSON.stringify(have) !== JSON.stringify(value)) {
      warnings.push({ origin: imported.origin, reason: `document ${field} of ${imported.document} kept as in its sidecar (${JSON.stringify(have)}); the file says ${JSON.stringify(value)}` });
    }
  }
  // Sidecar field order, whatever order the fields were added in.
  const ordered = Object.fromEntries(METADATA_FIELD_ORDER.filter((f) => out[f] !== undefined).map((f) => [f, out[f]])) as DocumentMetadata;
  return { metadata: Object.keys(ordered).length ? ordered : undefined, taken };
}
