// The one definition of "needs review", read by the Needs Review view, the status bar, the
// decorations' dashed border and the CLI alike, so their counts always agree.
import type { Supersession } from '../agreement/superseded';
import { type AnchorStatus, parseAnnotationRef, REVIEW_STATUSES, type SidecarEntry } from '../model';

/** Whether an annotation reference (`path#id`, the path relative to its folder) names an existing annotation. */
export type AnnotationExists = (documentPath: string, id: string) => boolean;

const REVIEW = new Set<string>(REVIEW_STATUSES);

/**
 * Why an annotation needs a person's eye, or undefined when it does not: a review entry in its
 * sidecar (fuzzy, ambiguous, orphaned, conflict), a live anchoring status that is not clean, a
 * link whose end names an annotation that does not exist, or a `supersededBy` that cannot be followed
 * (`supersession`, from core/agreement/superseded.ts). A superseded version is not current and never
 * needs review: callers leave it out before asking.
 */
export function reviewReason(annotation: SidecarEntry, documentPath: string, status: AnchorStatus | 'conflict', exists: AnnotationExists, supersession?: Supersession): string | undefined {
  if (annotation.review) return `${annotation.review.status}${annotation.review.reason ? `: ${annotation.review.reason}` : ''}`;
  if (REVIEW.has(status)) return status;
  const broken = missingLinkEnd(annotation, documentPath, exists);
  if (broken) return broken.message;
  if (supersession && !supersession.superseded) return supersession.problem;
  return undefined;
}

/**
 * A link's end (`from` or `to`) naming an annotation that `exists` does not know, or undefined: the
 * editor's view of the live workspace. (`checkReferences.brokenLinkEnd` judges one reference against
 * the sidecars a `validate` or `status` run read, and leaves documents it did not read unjudged.)
 */
export function missingLinkEnd(annotation: SidecarEntry, documentPath: string, exists: AnnotationExists): { field: 'from' | 'to'; message: string } | undefined {
  if (annotation.kind !== 'link') return undefined;
  for (const field of ['from', 'to'] as const) {
    const ref = annotation[field];
    const parsed = parseAnnotationRef(ref);
    if (parsed && !exists(parsed.document ?? documentPath, parsed.id)) return { field, message: `broken link: ${ref} does not exist` };
  }
  return undefined;
}
