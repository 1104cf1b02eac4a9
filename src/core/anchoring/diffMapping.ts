import DiffMatchPatch from 'diff-match-patch';

// Maps offsets of an old text to a new one through one character diff. The diff is computed
// once per text pair; each lookup is a binary search over its equal segments.

const DIFF_DELETE = -1;
const DIFF_INSERT = 1;

export type Diff = [number, string];

export interface DiffOptions {
  /** Give up refining the diff after this long; the diff stays valid, only coarser. Default 1000. */
  timeoutMs?: number;
}

/**
 * A character-level diff of old → new. Texts over 10,000 units are first diffed line by line and
 * the changed lines then character by character (diff-match-patch's line mode), which keeps a
 * 1 MB document with scattered edits in tens of milliseconds. No semantic cleanup: it would trade
 * exactness (unchanged characters reported as changed) for readability we do not need.
 */
export function computeDiff(oldText: string, newText: string, options: DiffOptions = {}): Diff[] {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = (options.timeoutMs ?? 1000) / 1000;
  return dmp.diff_main(oldText, newText, oldText.length + newText.length > 10_000);
}

/** Ranges of a diff in both texts: equal segments and inserted runs. */
export class DiffMap {
  /** Per equal segment: start in the old text, start in the new text, length. Ascending. */
  private readonly eqOld: Int32Array;
  private readonly eqNew: Int32Array;
  private readonly eqLen: Int32Array;
  /** Inserted runs [start, end) in the new text, ascending. */
  readonly insertions: { start: number; end: number }[] = [];
  readonly oldLength: number;
  readonly newLength: number;

  constructor(diffs: Diff[]) {
    const eqOld: number[] = [];
    const eqNew: number[] = [];
    const eqLen: number[] = [];
    let o = 0;
    let n = 0;
    for (const [op, text] of diffs) {
      if (text.length === 0) continue;
      if (op === DIFF_DELETE) o += text.length;
      else if (op === DIFF_INSERT) {
        this.insertions.push({ start: n, end: n + text.length });
        n += text.length;
      } else {
        eqOld.push(o);
        eqNew.push(n);
        eqLen.push(text.length);
        o += text.length;
        n += text.length;
      }
    }
    this.eqOld = Int32Array.from(eqOld);
    this.eqNew = Int32Array.from(eqNew);
    this.eqLen = Int32Array.from(eqLen);
    this.oldLength = o;
    this.newLength = n;
  }

  /** Index of the last equal segment starting at or before old offset `c`, or -1. */
  private segmentAtOrBefore(c: number): number {
    let lo = 0;
    let hi = this.eqOld.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.eqOld[mid] <= c) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** New-text range [start, end) of the change between equal segment i and i + 1. */
  private gapAfter(i: number): { start: number; end: number } {
    const start = i < 0 ? 0 : this.eqNew[i] + this.eqLen[i];
    const end = i + 1 < this.eqNew.length ? this.eqNew[i + 1] : this.newLength;
    return { start, end };
  }

  /**
   * New offset for a span starting at old offset p. Text inserted right before an unchanged
   * first character stays outside the span; if the first character was replaced, the
   * replacement counts as the span's start.
   */
  mapStart(p: number): number {
    const i = this.segmentAtOrBefore(p);
    if (i >= 0 && p < this.eqOld[i] + this.eqLen[i]) return this.eqNew[i] + (p - this.eqOld[i]);
    return this.gapAfter(i).start;
  }

  /** New offset for a span ending at old offset p (mirror of mapStart, on the last character). */
  mapEnd(p: number): number {
    if (p <= 0) return 0;
    const c = p - 1;
    const i = this.segmentAtOrBefore(c);
    if (i >= 0 && c < this.eqOld[i] + this.eqLen[i]) return this.eqNew[i] + (c - this.eqOld[i]) + 1;
    return this.gapAfter(i).end;
  }

  /** How many characters of old [start, end) are unchanged in the new text. */
  survivingLength(start: number, end: number): number {
    let total = 0;
    for (let i = Math.max(0, this.segmentAtOrBefore(start)); i < this.eqOld.length && this.eqOld[i] < end; i++) {
      const a = Math.max(start, this.eqOld[i]);
      const b = Math.min(end, this.eqOld[i] + this.eqLen[i]);
      if (b > a) total += b - a;
    }
    return total;
  }
}
