import type { AnchorResult, Candidate } from '../anchoring';
import type { Anchor } from '../model';

// Why an annotation is not anchored where it was: one code per case, for scripts, and a sentence
// for people. Built only for annotations that are not anchored (the editor's hot path skips it).

export type AnchorReasonCode = 'quote-moved' | 'layout-changed' | 'quote-changed' | 'several-places' | 'quote-not-found';

export interface AnchorReason {
  code: AnchorReasonCode;
  text: string;
}

/** At most this many candidate places are reported. */
export const MAX_CANDIDATES = 5;

export function anchorReason(result: AnchorResult, before: Anchor): AnchorReason | undefined {
  const places = result.candidates?.length ?? 0;
  switch (result.status) {
    case 'anchored':
      return undefined;
    case 'moved':
      return result.anchor.exact === before.exact
        ? { code: 'quote-moved', text: 'quote found unchanged elsewhere in the document' }
        : { code: 'layout-changed', text: 'quote found elsewhere with its white space or table padding changed' };
    case 'fuzzy':
      return { code: 'quote-changed', text: 'quote changed: the best approximate match, needs review' };
    case 'ambiguous':
      return { code: 'several-places', text: `${places || 'several'} places match equally well: needs review` };
    case 'orphaned':
      return { code: 'quote-not-found', text: 'quote not found: no place in the document matches well enough' };
  }
}

/**
 * The places an annotation that is not anchored could be at, best first: for moved and fuzzy the
 * place taken first, for ambiguous and orphaned those the search weighed.
 */
export function candidatePlaces(result: AnchorResult): Candidate[] {
  const found: Candidate[] = result.status === 'moved' || result.status === 'fuzzy' ? [{ start: result.anchor.start, end: result.anchor.end, score: result.score ?? 1 }] : [];
  for (const c of result.candidates ?? []) {
    if (!found.some((f) => f.start === c.start && f.end === c.end)) found.push(c);
  }
  return found.sort((a, b) => b.score - a.score).slice(0, MAX_CANDIDATES);
}
