import { Annotation, AnnotationKind } from '../model';

// The categorical fields whose agreement is measured, per kind, and how each reads as one nominal
// value. Tags are a set: the sorted tags joined, "(none)" for no tags, so two annotators agree on
// tags only when they chose the same set.

export const AGREEMENT_FIELDS = ['claimType', 'polarity', 'target', 'speaker', 'holder', 'relation', 'tags'] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

export const FIELDS_BY_KIND: Record<AnnotationKind, readonly AgreementField[]> = {
  claim: ['claimType', 'speaker', 'tags'],
  stance: ['polarity', 'target', 'holder', 'tags'],
  link: ['relation', 'tags'],
  note: ['tags'],
};

export const NO_TAGS = '(none)';

export function fieldValue(annotation: Annotation, field: AgreementField): string | undefined {
  if (field === 'tags') return annotation.tags?.length ? [...annotation.tags].sort().join(', ') : NO_TAGS;
  const value = (annotation as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}
