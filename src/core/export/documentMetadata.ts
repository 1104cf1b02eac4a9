// Document metadata (title, authors, outlet, date, URL, type, language) in each export format:
//   W3C:       properties of the target's `source` (Dublin Core terms, which anno.jsonld prefixes as dc: and dcterms:)
//   CSV:       one column per field, repeated on each of the document's rows
//   REFI-QDA:  project Variables, with a VariableValue per TextSource (NVivo and MAXQDA call them attributes)
import { DocumentMetadata, METADATA_FIELD_ORDER } from '../model';
import { guidFor } from './guid';
import type { XmlElement } from './xmlWriter';

type Field = (typeof METADATA_FIELD_ORDER)[number];

/** The W3C target's `source`: the document's IRI alone, or an object carrying its metadata. */
export function w3cSource(iri: string, m: DocumentMetadata | undefined): string | Record<string, string | string[]> {
  if (!m || !Object.keys(m).length) return iri;
  const out: Record<string, string | string[]> = { id: iri, type: 'Text', format: 'text/plain' };
  if (m.language) out.language = m.language;
  if (m.title) out['dc:title'] = m.title;
  if (m.authors?.length) out['dc:creator'] = m.authors.length === 1 ? m.authors[0] : m.authors;
  if (m.publisher) out['dc:publisher'] = m.publisher;
  if (m.published) out['dcterms:issued'] = m.published;
  if (m.type) out['dc:type'] = m.type;
  if (m.url) out.via = m.url;
  return out;
}

/** CSV columns, after the annotation columns. */
export const METADATA_CSV_COLUMNS = METADATA_FIELD_ORDER.map((f) => `document_${f}`);

export function metadataCsvValues(m: DocumentMetadata | undefined): string[] {
  return METADATA_FIELD_ORDER.map((f) => (f === 'authors' ? (m?.authors ?? []).join(';') : ((m?.[f] as string | undefined) ?? '')));
}

const variableGuid = (field: Field) => guidFor(`variable:document-${field}`);

/** The project's Variables element: one text variable per metadata field any document has; undefined when none has. */
export function qdaVariables(all: Array<DocumentMetadata | undefined>): XmlElement | undefined {
  const used = METADATA_FIELD_ORDER.filter((f) => all.some((m) => m?.[f] !== undefined));
  if (!used.length) return undefined;
  return {
    name: 'Variables',
    children: used.map((f) => ({ name: 'Variable', attributes: [['guid', variableGuid(f)], ['name', `document ${f}`], ['typeOfVariable', 'Text']], children: [{ name: 'Description', text: `Document metadata '${f}' from the Policy Annotator sidecar` }] })),
  };
}

/** A TextSource's VariableValues (text values: dates may be a year or a month, which xsd:date cannot hold). */
export function qdaVariableValues(m: DocumentMetadata | undefined): XmlElement[] {
  return METADATA_FIELD_ORDER.filter((f) => m?.[f] !== undefined).map((f) => ({
    name: 'VariableValue',
    children: [
      { name: 'VariableRef', attributes: [['targetGUID', variableGuid(f)]] },
      { name: 'TextValue', text: f === 'authors' ? m!.authors!.join('; ') : String(m![f]) },
    ],
  }));
}
