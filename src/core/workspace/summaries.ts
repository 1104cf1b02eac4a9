// What the workspace index keeps of each sidecar: a summary per annotation, without context
// (prefix, suffix) or creation time, so a workspace of 100,000 annotations fits in memory and in
// the cache file. Shared by the index, its cache and every view.
import type { AnchorlessLink, Annotation, AnnotationKind, ClaimType, DocumentMetadata, LinkRelation, Polarity, ReviewStatus } from '../model';
import { readSidecar } from '../store/readSidecar';

/** What every summary has: where it is, who made it and when, tags, note, review. */
interface SummaryCommon {
  id: string;
  documentPath: string;
  tags?: string[];
  note?: string;
  author: string;
  modified: string;
  /** The review status, when the annotation needs a person's eye. */
  review?: ReviewStatus;
  reviewReason?: string;
  /** Adjudication: the curated annotation that replaced this one (core/agreement/superseded.ts decides whether it did). */
  supersededBy?: string;
  /** Adjudication: the competing annotations this curated one settles. */
  curatedFrom?: string[];
}

/** One annotation as views need it: no context (prefix, suffix) and no creation time. */
export interface AnnotationSummary extends SummaryCommon {
  kind: AnnotationKind;
  exact: string;
  start: number;
  end: number;
  label?: string;
  claimType?: ClaimType;
  speaker?: string;
  holder?: string;
  target?: string;
  polarity?: Polarity;
  from?: string;
  to?: string;
  relation?: LinkRelation;
}

/** An anchorless link as views need it (it has no quote or place). */
export interface LinkSummary extends SummaryCommon {
  kind: 'link';
  from: string;
  to: string;
  relation: LinkRelation;
}

export interface DocumentSummary {
  documentPath: string;
  /** The sidecar, relative to the workspace root with '/'. */
  sidecar: string;
  annotations: AnnotationSummary[];
  /** Anchorless links, when the sidecar has any. */
  links?: LinkSummary[];
  /** The document's metadata from its sidecar (title, date, outlet…), when it has any. */
  metadata?: DocumentMetadata;
  /** Problems readSidecar found (errors and warnings). */
  problems: number;
  writable: boolean;
}

/** One sidecar as indexed (and cached): the summary and the file facts it was made from. */
export interface CacheEntry {
  sidecar: string;
  size: number;
  mtimeMs: number;
  summary: DocumentSummary;
}

/** Reads one sidecar's text into the summary views need. */
export function summarise(sidecar: string, documentPath: string, text: string, stat: { size: number; mtimeMs: number }): CacheEntry {
  const read = readSidecar(text, sidecar, { rememberLayout: false });
  const annotations = (read.sidecar?.annotations ?? []).map((a) => summariseAnnotation(a, documentPath));
  const links = (read.sidecar?.links ?? []).map((l) => summariseLink(l, documentPath));
  const metadata = read.sidecar?.metadata;
  return { sidecar, size: stat.size, mtimeMs: stat.mtimeMs, summary: { documentPath, sidecar, annotations, ...(links.length ? { links } : {}), ...(metadata ? { metadata } : {}), problems: read.problems.length, writable: read.writable } };
}

/**
 * A copy of `s` that does not keep its source alive: V8 makes substrings (of a whole sidecar
 * text, here) as views into their parent, so one kept quote would pin the whole file.
 */
const own = (s: string): string => (s.length < 13 ? s : (s + ' ').slice(0, -1));

export function summariseAnnotation(a: Annotation, documentPath: string): AnnotationSummary {
  const s: AnnotationSummary = { id: own(a.id), kind: a.kind, documentPath, exact: own(a.anchor.exact), start: a.anchor.start, end: a.anchor.end, author: own(a.author), modified: own(a.modified) };
  switch (a.kind) {
    case 'claim':
      Object.assign(s, { label: own(a.label), claimType: a.claimType, speaker: own(a.speaker) });
      break;
    case 'stance':
      Object.assign(s, { holder: own(a.holder), target: own(a.target), polarity: a.polarity });
      break;
    case 'link':
      Object.assign(s, { from: own(a.from), to: own(a.to), relation: a.relation });
      break;
  }
  return withCommon(s, a);
}

/** Tags, note and review, shared by both kinds of summary. */
function withCommon<S extends AnnotationSummary | LinkSummary>(s: S, a: Annotation | AnchorlessLink): S {
  if (a.tags?.length) s.tags = a.tags.map(own);
  if (a.note) s.note = own(a.note);
  if (a.review) s.review = a.review.status;
  if (a.review?.reason) s.reviewReason = own(a.review.reason);
  if (a.supersededBy !== undefined) s.supersededBy = own(a.supersededBy);
  if (a.curatedFrom?.length) s.curatedFrom = a.curatedFrom.map(own);
  return s;
}

/** What both kinds of summary give back: author and time (modified stands for created), tags, note, review, adjudication. */
function commonFromSummary(s: AnnotationSummary | LinkSummary) {
  return {
    author: s.author,
    created: s.modified,
    modified: s.modified,
    ...(s.tags ? { tags: s.tags } : {}),
    ...(s.note !== undefined ? { note: s.note } : {}),
    ...(s.review ? { review: { status: s.review, ...(s.reviewReason ? { reason: s.reviewReason } : {}) } } : {}),
    ...(s.curatedFrom ? { curatedFrom: s.curatedFrom } : {}),
    ...(s.supersededBy !== undefined ? { supersededBy: s.supersededBy } : {}),
  };
}

/** The annotation a summary describes, as views read it (context and creation time are not indexed). */
export function annotationFromSummary(s: AnnotationSummary): Annotation {
  const common = { id: s.id, anchor: { exact: s.exact, prefix: '', suffix: '', start: s.start, end: s.end }, ...commonFromSummary(s) };
  switch (s.kind) {
    case 'claim':
      return { ...common, kind: 'claim', label: s.label ?? '', speaker: s.speaker ?? 'author', claimType: s.claimType ?? 'factual' };
    case 'stance':
      return { ...common, kind: 'stance', holder: s.holder ?? 'author', target: s.target ?? '', polarity: s.polarity ?? 'neutral' };
    case 'link':
      return { ...common, kind: 'link', from: s.from ?? '', to: s.to ?? '', relation: s.relation ?? 'cites' };
    case 'note':
      return { ...common, kind: 'note' };
  }
}

export function summariseLink(l: AnchorlessLink, documentPath: string): LinkSummary {
  return withCommon({ id: own(l.id), kind: 'link', documentPath, from: own(l.from), to: own(l.to), relation: l.relation, author: own(l.author), modified: own(l.modified) }, l);
}

/** The anchorless link a summary describes, as views read it (creation time is not indexed). */
export function linkFromSummary(s: LinkSummary): AnchorlessLink {
  return { id: s.id, kind: 'link', from: s.from, to: s.to, relation: s.relation, ...commonFromSummary(s) };
}
