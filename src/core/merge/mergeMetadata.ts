import { canonicalJson } from '../canonicalJson';
import { DocumentMetadata, METADATA_FIELD_ORDER } from '../model';

/**
 * Three-way merge of a document's metadata, field by field: a field changed on one side wins over no
 * change; changed on both sides, ours is kept (metadata has no review entry to carry a conflict, and
 * it is one value a person sees at once in the sidecar's diff).
 */
export function mergeMetadata(base: DocumentMetadata | undefined, ours: DocumentMetadata | undefined, theirs: DocumentMetadata | undefined): DocumentMetadata | undefined {
  const out: Record<string, unknown> = {};
  for (const key of METADATA_FIELD_ORDER) {
    const [b, o, t] = [base?.[key], ours?.[key], theirs?.[key]];
    const value = canonicalJson(o) === canonicalJson(b) ? t : o;
    if (value !== undefined) out[key] = value;
  }
  return Object.keys(out).length ? (out as DocumentMetadata) : undefined;
}

/** `metadata` as a spreadable part of a sidecar: nothing when absent, so old sidecars keep their shape. */
export function metadataPart(metadata: DocumentMetadata | undefined): { metadata?: DocumentMetadata } {
  return metadata ? { metadata } : {};
}
