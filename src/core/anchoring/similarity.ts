// Context similarity: how well an anchor's prefix (or suffix) agrees with the text next to a
// candidate. Uses Myers' bit-parallel edit distance in "search" mode (free start), which needs
// the pattern to fit one 32-bit word; contexts are at most CONTEXT_LENGTH = 32 units long.

const WORD = 32;

/** Bit masks of a pattern (≤ 32 units): for each code unit, where it occurs in the pattern. */
export class PatternMasks {
  readonly length: number;
  private readonly peq = new Map<number, number>();

  constructor(pattern: string) {
    if (pattern.length > WORD) throw new RangeError('PatternMasks: pattern longer than 32');
    this.length = pattern.length;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      this.peq.set(c, (this.peq.get(c) ?? 0) | (1 << i));
    }
  }

  mask(code: number): number {
    return this.peq.get(code) ?? 0;
  }
}

/**
 * Smallest edit distance between the pattern and a substring of text that ends exactly at
 * the last unit visited, the substring starting anywhere in the visited range. Visits
 * text[from], text[from + step], … for `count` units (step -1 with a reversed pattern gives
 * "starts exactly at from, ends anywhere").
 */
export function semiGlobalDistance(masks: PatternMasks, text: string, from: number, count: number, step: 1 | -1): number {
  const m = masks.length;
  if (m === 0) return 0;
  const last = 1 << (m - 1);
  let pv = ~0;
  let mv = 0;
  let score = m;
  for (let k = 0, j = from; k < count; k++, j += step) {
    const eq = masks.mask(text.charCodeAt(j));
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/**
 * Scores how well a text agrees with an anchor's prefix and suffix around a candidate span.
 * Built once per anchor, reused for every candidate.
 */
export class ContextMatcher {
  private readonly prefix: PatternMasks;
  private readonly suffixReversed: PatternMasks;

  constructor(prefix: string, suffix: string) {
    this.prefix = new PatternMasks(prefix.slice(-WORD));
    this.suffixReversed = new PatternMasks(reverse(suffix.slice(0, WORD)));
  }

  get prefixLength(): number {
    return this.prefix.length;
  }

  get suffixLength(): number {
    return this.suffixReversed.length;
  }

  /** 1 − distance/length of the prefix against the text ending at `at`; 1 for an empty prefix at the text start. */
  prefixSimilarity(text: string, at: number): number {
    const m = this.prefix.length;
    if (m === 0) return at === 0 ? 1 : 0.5;
    const from = Math.max(0, at - 2 * m);
    const d = semiGlobalDistance(this.prefix, text, from, at - from, 1);
    return 1 - Math.min(d, m) / m;
  }

  /** 1 − distance/length of the suffix against the text starting at `at`; 1 for an empty suffix at the text end. */
  suffixSimilarity(text: string, at: number): number {
    const m = this.suffixReversed.length;
    if (m === 0) return at === text.length ? 1 : 0.5;
    const to = Math.min(text.length, at + 2 * m);
    const d = semiGlobalDistance(this.suffixReversed, text, to - 1, to - at, -1);
    return 1 - Math.min(d, m) / m;
  }
}

/**
 * How much a candidate is worth, 0..1: quote, prefix and suffix similarity weighted by their
 * lengths, so a long quote counts for more than its context and a short one for less.
 */
export function evidence(quoteLength: number, quoteSim: number, ctx: ContextMatcher, prefixSim: number, suffixSim: number): number {
  const pl = Math.max(ctx.prefixLength, 1);
  const sl = Math.max(ctx.suffixLength, 1);
  return (quoteLength * quoteSim + pl * prefixSim + sl * suffixSim) / (quoteLength + pl + sl);
}
