import { DocumentMetadata, TOPIC_PREFIX } from '../model';
import { w3cSource } from './documentMetadata';
import { ExportAnnotation, ExportCorpus, ExportLink, resolveCorpus } from './corpus';
import { annotationIri, DEFAULT_BASE_IRI, documentIri, referenceIri, termIri } from './iris';

// W3C Web Annotation Data Model (JSON-LD) export: one AnnotationCollection with its annotations embedded
// in a single AnnotationPage. Body shapes per kind:
//   claim   motivation classifying; bodies: describing TextualBody (label), classifying SpecificResource
//           (claim type term), identifying SpecificResource (speaker)
//   stance  motivation assessing; bodies: classifying (polarity term), identifying (holder), and the thing
//           assessed: linking SpecificResource (claim or entity) or describing TextualBody (a topic)
//   note    motivation commenting; its note as a commenting TextualBody
//   link    motivation linking; target = [the `from` end, the link's own span], bodies: linking
//           SpecificResource (the `to` end), classifying (relation term)
//   link without words of its own (anchorless): target = [the `from` annotation's IRI, the `to`
//           annotation's IRI], no selector; bodies as a link's (the linking body says which end is `to`)
// Every kind adds tagging TextualBodies for its tags and a commenting TextualBody for its note.
// Positions count code points, as the model requires; an annotation whose words are not at its offsets
// (orphaned, ambiguous) gets the quote selector only.

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface W3cOptions {
  /** Prefix of every IRI: documents are `<base><path>`, annotations `<base><path>#<id>`. */
  baseIri?: string;
  label?: string;
  /** `collection` (default): one AnnotationCollection with an embedded page; `array`: a plain JSON array
   * of annotations, for clients that want one. Either way every annotation carries its own @context, so
   * each is valid taken out alone. */
  shape?: 'collection' | 'array';
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function exportW3c(corpus: ExportCorpus, options: W3cOptions = {}): string {
  const base = options.baseIri ?? DEFAULT_BASE_IRI;
  const resolved = resolveCorpus(corpus);
  const items = resolved.documents.flatMap((d) => [...d.annotations.map((a) => toW3c(a, base, d.sidecar.metadata)), ...d.links.map((l) => anchorlessToW3c(l, base))]);
  if (options.shape === 'array') return JSON.stringify(items, null, 2) + '\n';
  const collectionId = `${base}annotations`;
  const collection: JsonObject = {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: options.label ?? 'Policy Annotator annotations',
    total: items.length,
    generator: { type: 'Software', name: 'Policy Annotator' },
  };
  if (items.length) {
    const pageId = `${collectionId}?page=0`;
    collection.first = { id: pageId, type: 'AnnotationPage', partOf: collectionId, startIndex: 0, items };
    collection.last = pageId;
  }
  return JSON.stringify(collection, null, 2) + '\n';
}

/** One annotation in the W3C model, with its own @context (valid on its own, as the model's MUST 3.1 asks). */
export function toW3c(item: ExportAnnotation, base: string, metadata?: DocumentMetadata): JsonObject {
  const a = item.annotation;
  const iri = (ref: string) => referenceIri(base, ref, item.document);
  const bodies: JsonObject[] = [];
  const targets: Json[] = [];
  let motivation: string;
  switch (a.kind) {
    case 'claim':
      motivation = 'classifying';
      bodies.push(textual('describing', a.label), resource('classifying', termIri('claim-type', a.claimType)), resource('identifying', iri(a.speaker)!));
      break;
    case 'stance':
      motivation = 'assessing';
      bodies.push(resource('classifying', termIri('polarity', a.polarity)), resource('identifying', iri(a.holder)!));
      bodies.push(a.target.startsWith(TOPIC_PREFIX) ? textual('describing', a.target.slice(TOPIC_PREFIX.length)) : resource('linking', iri(a.target)!));
      break;
    case 'note':
      motivation = 'commenting';
      break;
    case 'link':
      motivation = 'linking';
      targets.push(iri(a.from) ?? a.from);
      bodies.push(resource('linking', iri(a.to) ?? a.to), resource('classifying', termIri('relation', a.relation)));
      break;
  }
  for (const tag of a.tags ?? []) bodies.push(textual('tagging', tag));
  if (a.note !== undefined) bodies.push(textual('commenting', a.note));
  targets.push(spanTarget(item, base, metadata));

  const out: JsonObject = { '@context': ANNO_CONTEXT, id: annotationIri(base, item.document, a.id), type: 'Annotation', motivation };
  out.creator = { type: 'Person', name: a.author };
  out.created = a.created;
  out.modified = a.modified;
  if (bodies.length) out.body = bodies.length === 1 ? bodies[0] : bodies;
  out.target = targets.length === 1 ? targets[0] : targets;
  return out;
}

/** An anchorless link: the two annotations it joins are its targets, by IRI (each is an Annotation, a web resource). */
export function anchorlessToW3c(item: ExportLink, base: string): JsonObject {
  const { link } = item;
  const iri = (ref: string) => referenceIri(base, ref, item.document) ?? ref;
  const bodies: JsonObject[] = [resource('linking', iri(item.to)), resource('classifying', termIri('relation', link.relation))];
  for (const tag of link.tags ?? []) bodies.push(textual('tagging', tag));
  if (link.note !== undefined) bodies.push(textual('commenting', link.note));
  return {
    '@context': ANNO_CONTEXT,
    id: annotationIri(base, item.document, link.id),
    type: 'Annotation',
    motivation: 'linking',
    creator: { type: 'Person', name: link.author },
    created: link.created,
    modified: link.modified,
    body: bodies,
    target: [iri(item.from), iri(item.to)],
  };
}

function spanTarget(item: ExportAnnotation, base: string, metadata: DocumentMetadata | undefined): JsonObject {
  const { exact, prefix, suffix } = item.annotation.anchor;
  const quote: JsonObject = { type: 'TextQuoteSelector', exact };
  if (prefix) quote.prefix = prefix;
  if (suffix) quote.suffix = suffix;
  const selectors: JsonObject[] = [quote];
  if (item.position) selectors.push({ type: 'TextPositionSelector', start: item.position.start, end: item.position.end });
  // The document's metadata, when it has some, rides on the source (documentMetadata.ts).
  return { source: w3cSource(documentIri(base, item.document), metadata), selector: selectors.length === 1 ? selectors[0] : selectors };
}

function textual(purpose: string, value: string): JsonObject {
  return { type: 'TextualBody', purpose, value, format: 'text/plain' };
}

function resource(purpose: string, source: string): JsonObject {
  return { type: 'SpecificResource', purpose, source };
}
