import { isHighSurrogate, isLowSurrogate, normalizeText } from './normalize';

// Both maps below keep one sorted array of "special" positions and binary-search it, so a
// conversion costs O(log k) for k CRLFs (or astral characters) and building costs O(n).

/** Number of entries of the non-decreasing sequence f(0..n-1) that are < x. */
function countBelow(n: number, f: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (f(mid) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Converts between offsets in a raw text (as a VS Code document or a file holds it: maybe a
 * BOM, maybe CRLF) and offsets in its normalised form. Lone CRs become LF without changing
 * length, so only the BOM and the CR of each CRLF shift offsets.
 */
export class OffsetMap {
  /** The normalised text. */
  readonly text: string;
  private readonly bom: number;
  /** Raw offsets (BOM excluded) of each removed CR, ascending. */
  private readonly removed: Int32Array;

  constructor(raw: string) {
    this.bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.text = normalizeText(raw);
    const positions: number[] = [];
    for (let i = raw.indexOf('\r', this.bom); i >= 0; i = raw.indexOf('\r', i + 1)) {
      if (raw.charCodeAt(i + 1) === 10) positions.push(i - this.bom);
    }
    this.removed = Int32Array.from(positions);
  }

  /** True when raw and normalised offsets coincide. */
  get isIdentity(): boolean {
    return this.bom === 0 && this.removed.length === 0;
  }

  /** Normalised offset of a raw offset; a raw offset between CR and LF maps to before the LF. */
  toNormalized(rawOffset: number): number {
    const r = Math.max(0, rawOffset - this.bom);
    const removed = this.removed;
    return r - countBelow(removed.length, (i) => removed[i], r);
  }

  /** Raw offset of a normalised offset; a normalised offset before an LF maps to before its CR. */
  toRaw(offset: number): number {
    const removed = this.removed;
    // The normalised position of the i-th removed CR is removed[i] - i (non-decreasing).
    return offset + countBelow(removed.length, (i) => removed[i] - i, offset) + this.bom;
  }
}

/** Line/character ↔ offset in normalised text (LF only), as VS Code positions count them. */
export class LineIndex {
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = Int32Array.from(starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[line];
    const lineEnd = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return Math.min(start + Math.max(0, character), lineEnd);
  }

  positionAt(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    const line = countBelow(starts.length, (i) => starts[i], o + 1) - 1;
    return { line, character: o - starts[line] };
  }
}

/**
 * UTF-16 ↔ code point offsets for one text (exports count code points, editors count UTF-16
 * units). An offset inside a surrogate pair rounds down to the pair's start.
 */
export class CodePointIndex {
  /** UTF-16 offsets of the high surrogate of each pair, ascending. */
  private readonly pairs: Int32Array;

  constructor(text: string) {
    const pairs: number[] = [];
    for (let i = 0; i < text.length - 1; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        pairs.push(i);
        i++;
      }
    }
    this.pairs = Int32Array.from(pairs);
  }

  toCodePoint(utf16Offset: number): number {
    const pairs = this.pairs;
    return utf16Offset - countBelow(pairs.length, (i) => pairs[i], utf16Offset);
  }

  toUtf16(codePointOffset: number): number {
    const pairs = this.pairs;
    return codePointOffset + countBelow(pairs.length, (i) => pairs[i] - i, codePointOffset);
  }
}

/** Code point offset of one UTF-16 offset (for a single conversion; use CodePointIndex for many). */
export function utf16ToCodePointOffset(text: string, utf16Offset: number): number {
  let cp = 0;
  const end = Math.min(utf16Offset, text.length);
  for (let i = 0; i < end; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      if (i + 1 >= end) break;
      i++;
    }
    cp++;
  }
  return cp;
}

/** UTF-16 offset of one code point offset (for a single conversion; use CodePointIndex for many). */
export function codePointToUtf16Offset(text: string, codePointOffset: number): number {
  let i = 0;
  for (let cp = 0; cp < codePointOffset && i < text.length; cp++) {
    i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}
