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
 * Built once per anchor, reused for every candidate. A context shorter than `contextLength`
 * means the quote was that close to the document's edge; the missing part is scored on how
 * close the candidate is to the same edge, so an anchor at the start of the document is not
 * matched to a look-alike in the middle on one-sided context.
 */
export class ContextMatcher {
  private readonly prefix: PatternMasks;
  private readonly suffixReversed: PatternMasks;
  private readonly prefixText: string;
  private readonly suffixText: string;

  constructor(prefix: string, suffix: string, readonly contextLength = WORD) {
    this.prefixText = prefix.slice(-WORD);
    this.suffixText = suffix.slice(0, WORD);
    this.prefix = new PatternMasks(this.prefixText);
    this.suffixReversed = new PatternMasks(reverse(this.suffixText));
  }

  /** Agreement (0..1) of the prefix with the text ending at `at`. */
  prefixSimilarity(text: string, at: number): number {
    const m = this.prefix.length;
    let sim = 1;
    if (m > 0) {
      const from = Math.max(0, at - 2 * m);
      sim = 1 - Math.min(semiGlobalDistance(this.prefix, text, from, at - from, 1), m) / m;
    }
    return this.withEdge(sim, m, at);
  }

  /** Agreement (0..1) of the suffix with the text starting at `at`. */
  suffixSimilarity(text: string, at: number): number {
    const m = this.suffixReversed.length;
    let sim = 1;
    if (m > 0) {
      const to = Math.min(text.length, at + 2 * m);
      sim = 1 - Math.min(semiGlobalDistance(this.suffixReversed, text, to - 1, to - at, -1), m) / m;
    }
    return this.withEdge(sim, m, text.length - at);
  }

  /**
   * The better of the two sides' agreement on actual characters (a document edge does not
   * count): at a quote's stored position, being at the edge says nothing the position does not.
   */
  textAgreement(text: string, start: number, end: number): number {
    const p = this.prefix.length;
    const s = this.suffixReversed.length;
    if (p === 0 && s === 0) return 1;
    let best = 0;
    if (p > 0) {
      const from = Math.max(0, start - 2 * p);
      best = 1 - Math.min(semiGlobalDistance(this.prefix, text, from, start - from, 1), p) / p;
    }
    if (s > 0) {
      const to = Math.min(text.length, end + 2 * s);
      best = Math.max(best, 1 - Math.min(semiGlobalDistance(this.suffixReversed, text, to - 1, to - end, -1), s) / s);
    }
    return best;
  }

  /**
   * True when the few characters right next to the candidate equal the stored context on both
   * sides (and a context cut short by the document edge is at that edge now too).
   */
  adjacentAgrees(text: string, start: number, end: number, k = 4): boolean {
    const p = this.prefixText;
    const s = this.suffixText;
    const kp = Math.min(k, p.length);
    const ks = Math.min(k, s.length);
    if (text.slice(start - kp, start) !== p.slice(p.length - kp) || (kp === 0 && start > 0)) return false;
    if (p.length < k && start !== p.length) return false;
    if (text.slice(end, end + ks) !== s.slice(0, ks) || (ks === 0 && end < text.length)) return false;
    return s.length >= k || text.length - end === s.length;
  }

  private withEdge(sim: number, m: number, distanceToEdge: number): number {
    const L = this.contextLength;
    if (m >= L) return sim;
    const edge = Math.max(0, 1 - Math.abs(distanceToEdge - m) / L);
    return (m * sim + (L - m) * edge) / L;
  }
}

/**
 * How much a candidate is worth, 0..1: quote, prefix and suffix similarity weighted by their
 * lengths (each context counts as a full CONTEXT_LENGTH), so a long quote counts for more than
 * its context and a short one for less.
 */
export function evidence(quoteLength: number, quoteSim: number, ctx: ContextMatcher, prefixSim: number, suffixSim: number): number {
  const L = ctx.contextLength;
  return (quoteLength * quoteSim + L * prefixSim + L * suffixSim) / (quoteLength + 2 * L);
}
