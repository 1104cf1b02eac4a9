import { AUTHOR, parseAnnotationRef, TOPIC_PREFIX } from '../model';

// IRIs for the W3C export (and back, for import). Everything hangs off a base IRI, so an export can
// point at a published copy of the repository; the default is a URN that names nothing online.

export const DEFAULT_BASE_IRI = 'urn:policy-annotator:';
/** Terms of our own model that the W3C vocabulary has no word for (claim types, polarities, relations). */
export const VOCAB = 'urn:policy-annotator:vocab:';
export const AUTHOR_IRI = `${VOCAB}${AUTHOR}`;

/** A document path as an IRI path: each segment percent-encoded, '/' kept. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function documentIri(base: string, path: string): string {
  return base + encodePath(path);
}

export function annotationIri(base: string, document: string, id: string): string {
  return `${documentIri(base, document)}#${encodeURIComponent(id)}`;
}

export function entityIri(base: string, id: string): string {
  return `${base}entities#${encodeURIComponent(id)}`;
}

export function termIri(group: 'claim-type' | 'polarity' | 'relation', term: string): string {
  return `${VOCAB}${group}:${term}`;
}

/** The IRI for a reference as sidecars write it: `path#id` / `#id`, an entity id, or `author`. Topics have none. */
export function referenceIri(base: string, ref: string, document: string): string | undefined {
  if (ref === AUTHOR) return AUTHOR_IRI;
  if (ref.startsWith(TOPIC_PREFIX)) return undefined;
  const parsed = parseAnnotationRef(ref);
  if (parsed) return annotationIri(base, parsed.document ?? document, parsed.id);
  return entityIri(base, ref);
}
