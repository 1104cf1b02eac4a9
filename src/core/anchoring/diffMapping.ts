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

/**
 * The same kind of diff as computeDiff for large texts, made in pieces so a caller can yield between
 * them: common ends trimmed, a diff of whole lines, then each changed block diffed character by
 * character, one block per piece. Every piece is short even when a 1 MB text had a thousand edits.
 */
export class DiffJob {
  private readonly dmp = new DiffMatchPatch();
  private readonly head: string;
  private readonly tail: string;
  private readonly lineDiffs: Diff[];
  private readonly out: Diff[] = [];
  private pointer = 0;
  private result: Diff[] | undefined;

  constructor(oldText: string, newText: string, options: DiffOptions = {}) {
    this.dmp.Diff_Timeout = (options.timeoutMs ?? 1000) / 1000;
    const prefix = this.dmp.diff_commonPrefix(oldText, newText);
    const oldRest = oldText.slice(prefix);
    const newRest = newText.slice(prefix);
    const suffix = this.dmp.diff_commonSuffix(oldRest, newRest);
    this.head = oldText.slice(0, prefix);
    this.tail = oldRest.slice(oldRest.length - suffix);
    const a = this.dmp.diff_linesToChars_(oldRest.slice(0, oldRest.length - suffix), newRest.slice(0, newRest.length - suffix));
    const lines = this.dmp.diff_main(a.chars1, a.chars2, false);
    this.dmp.diff_charsToLines_(lines, a.lineArray);
    this.lineDiffs = lines as unknown as Diff[];
  }

  get done(): boolean {
    return this.result !== undefined;
  }

  /** Works for about `ms` (at least one changed block); true when the diff is complete. */
  step(ms: number): boolean {
    if (this.result) return true;
    const t0 = performance.now();
    const diffs = this.lineDiffs;
    while (this.pointer < diffs.length) {
      if (diffs[this.pointer][0] === 0) {
        this.out.push(diffs[this.pointer++]);
        continue;
      }
      // A run of deleted and inserted lines: refine it character by character.
      let deleted = '';
      let inserted = '';
      while (this.pointer < diffs.length && diffs[this.pointer][0] !== 0) {
        if (diffs[this.pointer][0] === DIFF_DELETE) deleted += diffs[this.pointer][1];
        else inserted += diffs[this.pointer][1];
        this.pointer++;
      }
      if (!deleted || !inserted) this.out.push(deleted ? [DIFF_DELETE, deleted] : [DIFF_INSERT, inserted]);
      else for (const d of this.dmp.diff_main(deleted, inserted, false)) this.out.push(d as unknown as Diff);
      if (performance.now() - t0 >= ms) return false;
    }
    const all: Diff[] = [[0, this.head], ...this.out, [0, this.tail]];
    this.dmp.diff_cleanupMerge(all as unknown as DiffMatchPatch.Diff[]);
    this.result = all.filter(([, text]) => text.length > 0);
    return true;
  }

  diffs(): Diff[] {
    if (!this.result) throw new Error('the diff is not complete yet');
    return this.result;
  }
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
