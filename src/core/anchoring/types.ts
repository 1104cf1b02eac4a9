import type { Anchor, AnchorStatus } from '../model';

/** A half-open range [start, end) of UTF-16 offsets in normalised text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * One replacement: the text in [start, end) (offsets before this change) becomes `text`.
 * An insertion has start === end, a deletion has text === ''.
 */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** A place an anchor could have gone, with how well it matched (0..1). */
export interface Candidate {
  start: number;
  end: number;
  score: number;
}

export interface AnchorResult {
  status: AnchorStatus;
  /** Selectors recomputed against the new text; for `orphaned`, the old anchor unchanged. */
  anchor: Anchor;
  /** The quote before re-anchoring, set when the quoted text changed (`fuzzy`) or was lost. */
  was?: string;
  /** For `ambiguous`: the places that could not be told apart, best first. */
  candidates?: Candidate[];
  /** How well the new place matched (0..1), when it was found by searching or by a changed diff. */
  score?: number;
}
