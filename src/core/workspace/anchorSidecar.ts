import { fingerprint, normalizeText, reanchorAll } from '../anchoring';
import { Annotation, AnchorStatus, Sidecar } from '../model';
import { Git } from '../ports/git';
import type { Candidate } from '../anchoring';
import { AnchorReason, anchorReason, candidatePlaces } from './anchorReason';

export interface AnchorOutcome {
  id: string;
  status: AnchorStatus;
  /** The quoted text before, when it differs from the text now anchored. */
  was?: string;
  now?: string;
  /** Not anchored where it was: why, how well the place taken matched (0..1), and the places weighed, best first. */
  reason?: AnchorReason;
  score?: number;
  candidates?: Candidate[];
}

export interface AnchoredSidecar {
  sidecar: Sidecar;
  outcomes: AnchorOutcome[];
  /** Normalised text of the document the anchors now refer to. */
  text: string;
  /** True when re-anchoring could use the old text from git (exact diff mapping). */
  usedOldText: boolean;
}

const utf8 = new TextDecoder('utf-8');

/**
 * Re-anchors every annotation of a sidecar against the document's current bytes. When the document
 * changed since the sidecar was saved and git still has the old blob, spans are mapped through a diff
 * of old and new text; otherwise they are found again by quote. Annotations that need a person get a
 * `review` entry; none is ever dropped.
 */
export async function anchorSidecar(sidecar: Sidecar, documentBytes: Uint8Array, git: Git, repoDir: string): Promise<AnchoredSidecar> {
  const text = normalizeText(utf8.decode(documentBytes));
  const blob = fingerprint(documentBytes);
  let oldText: string | undefined;
  if (sidecar.fingerprint === blob) oldText = text;
  else if (sidecar.fingerprint) {
    const oldBytes = await git.readBlob(repoDir, sidecar.fingerprint);
    if (oldBytes) oldText = normalizeText(utf8.decode(oldBytes));
  }
  const anchored = applyAnchoring(sidecar, text, oldText);
  return { sidecar: { ...anchored.sidecar, fingerprint: blob }, outcomes: anchored.outcomes, text, usedOldText: oldText !== undefined };
}

/** The synchronous part, for callers that already have both texts (the editor, tests). */
export function applyAnchoring(sidecar: Sidecar, text: string, oldText: string | undefined): { sidecar: Sidecar; outcomes: AnchorOutcome[] } {
  const results = reanchorAll(sidecar.annotations.map((a) => a.anchor), text, oldText);
  const outcomes: AnchorOutcome[] = [];
  const annotations = sidecar.annotations.map((annotation, i): Annotation => {
    const result = results[i];
    const outcome: AnchorOutcome = { id: annotation.id, status: result.status };
    if (result.status === 'fuzzy' || result.status === 'ambiguous') {
      outcome.was = result.was ?? annotation.anchor.exact;
      outcome.now = result.anchor.exact;
    }
    if (result.status !== 'anchored') {
      outcome.reason = anchorReason(result, annotation.anchor);
      outcome.candidates = candidatePlaces(result);
      outcome.score = result.score ?? outcome.candidates[0]?.score ?? (result.status === 'moved' ? 1 : 0);
    }
    outcomes.push(outcome);
    switch (result.status) {
      case 'anchored':
      case 'moved':
        return { ...annotation, anchor: result.anchor };
      case 'fuzzy':
        return { ...annotation, anchor: result.anchor, review: annotation.review ?? { status: 'fuzzy', was: outcome.was } };
      case 'ambiguous':
        return { ...annotation, review: annotation.review ?? { status: 'ambiguous', was: annotation.anchor.exact, reason: `${result.candidates?.length ?? 2} places match equally well` } };
      case 'orphaned':
        return { ...annotation, review: annotation.review ?? { status: 'orphaned', was: annotation.anchor.exact } };
    }
  });
  return { sidecar: { ...sidecar, annotations }, outcomes };
}
