import { AnnotationKind, ClaimType, DocumentMetadata, LinkRelation, Polarity } from '../model';

// What the readers (W3C, brat) make of a file before anything is placed in a document: one draft per
// annotation to create, plus the items that could not be read, each with where it came from.

/** Another draft of the same import (by its key in the file), or a reference as sidecars write it. */
export type DraftRef = { key: string } | { ref: string };

export interface ImportDraft {
  /** Where it came from, for messages: `file:line` or `file (annotation 3)`. */
  origin: string;
  /** Its name in the file (brat `T1`, a W3C annotation IRI), so other drafts can point at it. */
  key?: string;
  /** Workspace-relative document path; set by the reader (from --document, the file or target.source). */
  document?: string;
  quote?: { exact: string; prefix?: string; suffix?: string };
  /** Code point offsets (as W3C selectors and brat count), end exclusive. */
  position?: { start: number; end: number };
  /** Take the span of another draft (brat relations have none of their own). */
  spanOf?: string;
  /** A link between two annotations with no words of its own: placed without a span (issue 16). */
  anchorless?: boolean;
  kind: AnnotationKind;
  label?: string;
  speaker?: string;
  claimType?: ClaimType;
  holder?: string;
  target?: DraftRef;
  polarity?: Polarity;
  from?: DraftRef;
  to?: DraftRef;
  relation?: LinkRelation;
  tags?: string[];
  note?: string;
  author?: string;
  created?: string;
  modified?: string;
}

export interface ImportIssue {
  origin: string;
  /** The item's id in the foreign file (see ImportedItem), when it was read far enough to have one. */
  sourceId?: string;
  reason: string;
}

export interface ParsedImport {
  drafts: ImportDraft[];
  /** Items that will not be imported. */
  failures: ImportIssue[];
  /** Items imported with a default or an approximation the user should know about. */
  warnings: ImportIssue[];
  /** Document metadata the file carries (W3C target sources, REFI-QDA variables), per document. */
  metadata?: ImportedMetadata[];
}

/** Metadata found for one document, with where it came from for messages. */
export interface ImportedMetadata {
  document: string;
  origin: string;
  metadata: DocumentMetadata;
}

export function addTag(draft: ImportDraft, tag: string): void {
  const clean = tag.trim();
  if (!clean) return;
  draft.tags = [...new Set([...(draft.tags ?? []), clean])];
}

export function addNote(draft: ImportDraft, text: string): void {
  const clean = text.trim();
  if (!clean) return;
  draft.note = draft.note ? `${draft.note}\n\n${clean}` : clean;
}

/** 1-based line of a character offset, for `file:line` origins. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
