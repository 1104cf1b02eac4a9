// What every stage of the quote search shares for one anchor in one text: the thresholds, the
// context matcher, the evidence of a candidate place, and the shape of the results.
import type { Anchor } from '../../model';
import { createAnchor } from '../createAnchor';
import { ContextMatcher, evidence } from '../similarity';
import type { AnchorResult, Candidate } from '../types';

// Thresholds are "evidence" values (0..1, see similarity.ts): quote and context count by their lengths.

/** Quotes of at most this many code points are only matched exactly: a fuzzy 2-letter match means nothing. */
export const SHORT_QUOTE_MAX = 3;
/** Evidence an exact occurrence elsewhere needs to count as `moved` (enough agreeing context). */
export const MOVED_MIN = 0.75;
/** …with neither side of the context agreeing less than this. */
const SIDE_MIN = 0.5;
/** Cut-and-paste relocation (diff path) only for quotes at least this long. */
export const UNIQUE_QUOTE_MIN = 8;
/** Weight of nearness to the expected position in a fuzzy score. */
const PROXIMITY_WEIGHT = 0.1;

export interface QuoteSearchOptions {
  /**
   * Where the quote is expected to start in the new text, e.g. its stored start shifted by
   * the edits that moved its neighbours. Defaults to the stored start.
   */
  expectedStart?: number;
  /** Skip the whole-text approximate scan (cheaper; only the neighbourhood is searched). */
  localOnly?: boolean;
}

export interface Scored extends Candidate {
  evidence: number;
}

/** One anchor searched for in one text. */
export class QuoteSearch {
  readonly exact: string;
  readonly len: number;
  readonly expected: number;
  /** A 1–3 code point quote: everywhere, so its neighbours must agree too. */
  readonly short: boolean;
  readonly ctx: ContextMatcher;

  constructor(
    readonly anchor: Anchor,
    readonly text: string,
    readonly options: QuoteSearchOptions,
    /** Characters of context a side has when it is not cut by the document's edge. */
    contextLength?: number,
  ) {
    this.exact = anchor.exact;
    this.len = anchor.exact.length;
    this.expected = clamp(options.expectedStart ?? anchor.start, 0, text.length);
    this.short = codePointLength(anchor.exact) <= SHORT_QUOTE_MAX;
    this.ctx = new ContextMatcher(anchor.prefix, anchor.suffix, contextLength);
  }

  evidenceAt(start: number, end: number, quoteSim: number): number {
    const { ctx, text } = this;
    return evidence(this.len, quoteSim, ctx, ctx.prefixSimilarity(text, start), ctx.suffixSimilarity(text, end));
  }

  /**
   * Enough evidence, and both sides of the context agree somewhat: one perfect side cannot carry
   * a look-alike whose other side is foreign (a repeated headline, say). A short quote's
   * immediate neighbours must agree as well.
   */
  trusted(start: number, end: number, ev: number): boolean {
    const { ctx, text } = this;
    return (
      ev >= MOVED_MIN &&
      Math.min(ctx.prefixSimilarity(text, start), ctx.suffixSimilarity(text, end)) >= SIDE_MIN &&
      (!this.short || ctx.adjacentAgrees(text, start, end))
    );
  }

  /** Evidence blended with nearness to the expected place. */
  score(ev: number, start: number): number {
    const proximity = 1 / (1 + Math.abs(start - this.expected) / Math.max(1000, 4 * this.len));
    return (1 - PROXIMITY_WEIGHT) * ev + PROXIMITY_WEIGHT * proximity;
  }

  /** Scores are the evidence (exact stage: nearness only orders ties) or the fuzzy score. */
  ambiguous(candidates: Scored[], byEvidence = false): AnchorResult {
    const best = candidates[0];
    return {
      status: 'ambiguous',
      anchor: createAnchor(this.text, best.start, best.end),
      candidates: candidates.map((c) => (byEvidence ? { start: c.start, end: c.end, score: round(c.evidence) } : plain(c))),
      score: round(best.evidence),
    };
  }

  orphaned(candidates?: Scored[]): AnchorResult {
    return candidates?.length ? { status: 'orphaned', anchor: this.anchor, candidates: candidates.map(plain) } : { status: 'orphaned', anchor: this.anchor };
  }
}

export function plain(c: Scored): Candidate {
  return { start: c.start, end: c.end, score: round(c.score) };
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || s.charCodeAt(i - 1) < 0xd800 || s.charCodeAt(i - 1) > 0xdbff) n++;
  }
  return n;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
