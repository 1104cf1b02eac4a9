// The annotation model. Kinds, claim types, polarities and relations live here only:
// adding one is a one-line change (schema, CLI and UI read these tables).

export const ANNOTATION_KINDS = ['claim', 'stance', 'note', 'link'] as const;
export const CLAIM_TYPES = ['factual', 'causal', 'predictive', 'normative', 'proposal', 'rhetorical-question'] as const;
export const POLARITIES = ['support', 'oppose', 'neutral', 'mixed'] as const;
export const LINK_RELATIONS = ['supports', 'contradicts', 'elaborates', 'same-as', 'cites', 'responds-to', 'relates-to'] as const;
/** The relation of a link whose type is none of the others (an imported brat relation or event argument): the original type is kept as a `relation:<type>` or `role:<role>` tag. */
export const GENERIC_RELATION = 'relates-to';
export const ANCHOR_STATUSES = ['anchored', 'moved', 'fuzzy', 'ambiguous', 'orphaned'] as const;
export const REVIEW_STATUSES = ['fuzzy', 'ambiguous', 'orphaned', 'conflict'] as const;

export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];
export type ClaimType = (typeof CLAIM_TYPES)[number];
export type Polarity = (typeof POLARITIES)[number];
export type LinkRelation = (typeof LINK_RELATIONS)[number];
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Speaker and holder value for the document's own author (rather than an entity id). */
export const AUTHOR = 'author';
/** Prefix that marks a stance target as a free topic rather than an annotation or entity. */
export const TOPIC_PREFIX = 'topic:';
/** Prefix that marks a speaker or holder as a free-text party ("critics", "officials") rather than an entity. */
export const PARTY_PREFIX = 'party:';

/** What kind of text a document is (document metadata `type`). */
export const DOCUMENT_TYPES = ['op-ed', 'letter', 'editorial', 'news', 'interview', 'speech', 'policy-address', 'report', 'white-paper', 'legislation', 'press-release', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * Facts about the document itself, kept in its sidecar (never in the document). Every field is optional;
 * `published` is a date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, `language` a BCP 47 tag.
 */
export interface DocumentMetadata {
  title?: string;
  /** Authors, or the speaker of a speech or interview. */
  authors?: string[];
  /** Publisher or outlet. */
  publisher?: string;
  published?: string;
  url?: string;
  type?: DocumentType;
  language?: string;
}
export const METADATA_FIELD_ORDER = ['title', 'authors', 'publisher', 'published', 'url', 'type', 'language'] as const;

/**
 * Where an annotation sits. `exact`/`prefix`/`suffix` are the W3C TextQuoteSelector,
 * `start`/`end` the W3C TextPositionSelector. Offsets count UTF-16 code units of the
 * normalised text (BOM removed, CRLF and CR turned into LF), as VS Code counts them;
 * exports convert to code points.
 */
export interface Anchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** Set when an annotation needs a person's eye: the anchor moved fuzzily, is ambiguous, lost, or merged in conflict. */
export interface Review {
  status: ReviewStatus;
  /** The quoted text before re-anchoring, so the reviewer can compare. */
  was?: string;
  reason?: string;
}

interface AnnotationBase {
  id: string;
  kind: AnnotationKind;
  anchor: Anchor;
  author: string;
  created: string;
  modified: string;
  tags?: string[];
  note?: string;
  review?: Review;
  /** Set on a curator's version: the ids of the competing annotations it settles (adjudication). */
  curatedFrom?: string[];
  /** Set on an annotation a curated version replaced (adjudication with "supersede"): that version's id. */
  supersededBy?: string;
}

export interface Claim extends AnnotationBase {
  kind: 'claim';
  /** A paraphrase of what is claimed. */
  label: string;
  /** An entity id, `author`, or `party:<words>`. */
  speaker: string;
  claimType: ClaimType;
}

export interface Stance extends AnnotationBase {
  kind: 'stance';
  /** An entity id, `author`, or `party:<words>`. */
  holder: string;
  /** A claim reference (`path#id` or `#id`), an entity id, or `topic:<words>`. */
  target: string;
  polarity: Polarity;
}

export interface Note extends AnnotationBase {
  kind: 'note';
}

export interface Link extends AnnotationBase {
  kind: 'link';
  /** `path#id`, `#id` (same document) or an entity id. */
  from: string;
  to: string;
  relation: LinkRelation;
}

export type Annotation = Claim | Stance | Note | Link;

/**
 * A link between two annotations that quotes no words of its own, so the phrase it would have sat on
 * does not carry a second hover card. Stored in the sidecar's `annotations` list like the others but
 * without `anchor` (after the anchored entries, by id); kept apart in memory (`Sidecar.links`), so
 * every reader of `Annotation.anchor` stays as it is. `from` and `to` are annotation references.
 */
export type AnchorlessLink = Omit<Link, 'anchor'>;
/** One entry of a sidecar's `annotations` list as written: anchored, or an anchorless link. */
export type SidecarEntry = Annotation | AnchorlessLink;

export function isAnchorless(entry: SidecarEntry): entry is AnchorlessLink {
  return !('anchor' in entry) || (entry as { anchor?: unknown }).anchor === undefined;
}

/** Field order in sidecars and exports, per kind: fixed so that files diff minimally. */
export const FIELD_ORDER: Record<AnnotationKind, readonly string[]> = {
  claim: ['id', 'kind', 'anchor', 'label', 'speaker', 'claimType', 'tags', 'note', 'author', 'created', 'modified', 'curatedFrom', 'supersededBy', 'review'],
  stance: ['id', 'kind', 'anchor', 'holder', 'target', 'polarity', 'tags', 'note', 'author', 'created', 'modified', 'curatedFrom', 'supersededBy', 'review'],
  note: ['id', 'kind', 'anchor', 'tags', 'note', 'author', 'created', 'modified', 'curatedFrom', 'supersededBy', 'review'],
  link: ['id', 'kind', 'anchor', 'from', 'to', 'relation', 'tags', 'note', 'author', 'created', 'modified', 'curatedFrom', 'supersededBy', 'review'],
};
export const ANCHOR_FIELD_ORDER = ['exact', 'prefix', 'suffix', 'start', 'end'] as const;
export const REVIEW_FIELD_ORDER = ['status', 'was', 'reason'] as const;

export const SCHEMA_VERSION = 1;

/** One sidecar file: the annotations of one document. */
export interface Sidecar {
  schemaVersion: number;
  /** Path of the document relative to its workspace folder, with forward slashes. */
  document: string;
  /** Git blob id of the document's bytes when the sidecar was last saved. */
  fingerprint: string;
  /** Absent in sidecars written before metadata existed (and then never added by a save). */
  metadata?: DocumentMetadata;
  annotations: Annotation[];
  /** Anchorless links (absent in sidecars that have none, so those read and save unchanged). */
  links?: AnchorlessLink[];
}

const compareIds = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Sort order in sidecars: by start offset, then id. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.anchor.start - b.anchor.start || compareIds(a, b);
}

/** A sidecar's `annotations` list in written order: anchored by position, then anchorless links by id. */
export function sidecarEntries(sidecar: Pick<Sidecar, 'annotations' | 'links'>): SidecarEntry[] {
  return [...[...sidecar.annotations].sort(compareAnnotations), ...[...(sidecar.links ?? [])].sort(compareIds)];
}

/** Splits a written list back into anchored annotations and anchorless links. */
export function splitEntries(entries: readonly SidecarEntry[]): { annotations: Annotation[]; links: AnchorlessLink[] } {
  const annotations: Annotation[] = [];
  const links: AnchorlessLink[] = [];
  for (const e of entries) {
    if (isAnchorless(e)) links.push(e);
    else annotations.push(e);
  }
  return { annotations, links };
}

/** `{ links }` when there are any, else nothing: a sidecar without links keeps no `links` key. */
export const linksPart = (links: readonly AnchorlessLink[] | undefined): { links?: AnchorlessLink[] } => (links?.length ? { links: [...links] } : {});

export interface AnnotationRef {
  /** Document path relative to the workspace folder; undefined for `#id` (same document). */
  document?: string;
  id: string;
}

/** Parses `path#id` or `#id`; returns undefined for entity ids and topics. */
export function parseAnnotationRef(ref: string): AnnotationRef | undefined {
  const hash = ref.lastIndexOf('#');
  if (hash < 0 || ref.startsWith(TOPIC_PREFIX)) return undefined;
  const id = ref.slice(hash + 1);
  if (!id) return undefined;
  return { document: hash === 0 ? undefined : ref.slice(0, hash), id };
}

export function formatAnnotationRef(document: string | undefined, id: string): string {
  return `${document ?? ''}#${id}`;
}
