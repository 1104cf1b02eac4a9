import { createAnchor } from '../anchoring/createAnchor';
import type { Span } from '../anchoring/types';
import { newAnnotationId } from '../ids';
import { AnchorlessLink, Annotation, AnnotationKind, AUTHOR, CLAIM_TYPES, ClaimType, LINK_RELATIONS, LinkRelation, parseAnnotationRef, POLARITIES, Polarity } from '../model';

/** The kind-specific fields a person fills in; everything else is derived. */
export interface AnnotationFields {
  label?: string;
  speaker?: string;
  claimType?: ClaimType;
  holder?: string;
  target?: string;
  polarity?: Polarity;
  from?: string;
  to?: string;
  relation?: LinkRelation;
  note?: string;
  tags?: string[];
}

export interface BuildContext {
  author: string;
  now: Date;
  takenIds: { has(id: string): boolean };
}

export const timestamp = (now: Date) => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A new annotation on `span` of `text` (normalised). Throws with a readable message when a required field is missing or invalid. */
export function buildAnnotation(kind: AnnotationKind, text: string, span: Span, fields: AnnotationFields, context: BuildContext): Annotation {
  const id = newAnnotationId(context.takenIds);
  const anchor = createAnchor(text, span.start, span.end);
  const base = { id, anchor, author: context.author, created: timestamp(context.now), modified: timestamp(context.now) };
  return withCommonFields(kindFields(kind, fields, anchor.exact), base, fields);
}

function withCommonFields(kindPart: Record<string, unknown>, base: Record<string, unknown>, fields: AnnotationFields): Annotation {
  const tags = fields.tags?.map((t) => t.trim()).filter(Boolean);
  return {
    ...base,
    ...kindPart,
    ...(tags?.length ? { tags: [...new Set(tags)] } : {}),
    ...(fields.note?.trim() ? { note: fields.note.trim() } : {}),
  } as unknown as Annotation;
}

/** The fields of `kind`, with defaults for what a person may leave out. */
function kindFields(kind: AnnotationKind, f: AnnotationFields, exact: string): Record<string, unknown> {
  switch (kind) {
    case 'claim':
      return { kind, label: f.label?.trim() || clip(exact), speaker: f.speaker?.trim() || AUTHOR, claimType: oneOf(f.claimType ?? 'factual', CLAIM_TYPES, 'claim type') };
    case 'stance':
      return { kind, holder: f.holder?.trim() || AUTHOR, target: required(f.target, 'stance target'), polarity: oneOf(required(f.polarity, 'polarity'), POLARITIES, 'polarity') };
    case 'note':
      return { kind };
    case 'link':
      return { kind, from: required(f.from, 'link source'), to: required(f.to, 'link target'), relation: oneOf(required(f.relation, 'relation'), LINK_RELATIONS, 'relation') };
  }
}

/** A new anchorless link between two annotations (`from` and `to` are `path#id` or `#id`). */
export function buildAnchorlessLink(fields: AnnotationFields, context: BuildContext): AnchorlessLink {
  const base = { id: newAnnotationId(context.takenIds), author: context.author, created: timestamp(context.now), modified: timestamp(context.now) };
  return checkAnchorless(withCommonFields(kindFields('link', fields, ''), base, fields) as unknown as AnchorlessLink);
}

/** `updateAnnotation` for an anchorless link: the ends must stay annotation references. */
export function updateAnchorlessLink(link: AnchorlessLink, patch: AnnotationFields & { review?: null }, now: Date): AnchorlessLink {
  const next: Record<string, unknown> = { ...link, ...patch, modified: timestamp(now) };
  for (const key of ['note', 'tags', 'review'] as const) {
    const value = next[key];
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
  }
  kindFields('link', next as AnnotationFields, '');
  return checkAnchorless(next as unknown as AnchorlessLink);
}

function checkAnchorless(link: AnchorlessLink): AnchorlessLink {
  for (const end of [link.from, link.to]) {
    if (!parseAnnotationRef(end)) throw new Error(`a link without words of its own joins two annotations; '${end}' is not an annotation (path#id)`);
  }
  return link;
}

/** Changes an annotation's kind, keeping its place, tags and note, and asking `fields` for what the new kind needs. */
export function changeKind(annotation: Annotation, kind: AnnotationKind, fields: AnnotationFields, now: Date): Annotation {
  const { id, anchor, author, created, tags, note, review } = annotation;
  const carried: AnnotationFields = { label: 'label' in annotation ? annotation.label : undefined, ...fields };
  const base = { id, anchor, author, created, modified: timestamp(now), ...(review ? { review } : {}) };
  return withCommonFields(kindFields(kind, carried, anchor.exact), base, { tags, note: fields.note ?? note });
}

/** Applies edited fields; empty strings clear optional ones. Validates the result. */
export function updateAnnotation(annotation: Annotation, patch: AnnotationFields & { review?: null }, now: Date): Annotation {
  const next: Record<string, unknown> = { ...annotation, ...patch, modified: timestamp(now) };
  for (const key of ['note', 'tags', 'review'] as const) {
    const value = next[key];
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
  }
  const updated = next as unknown as Annotation;
  const f = updated as unknown as AnnotationFields;
  kindFields(updated.kind, f, updated.anchor.exact);
  return updated;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || (typeof value === 'string' && !value.trim())) throw new Error(`a ${what} is required`);
  return typeof value === 'string' ? (value.trim() as T) : value;
}

function oneOf<T extends string>(value: T, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value)) throw new Error(`${what} must be one of ${allowed.join(', ')}, not '${value}'`);
  return value;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? flat.slice(0, 119) + '…' : flat;
}
