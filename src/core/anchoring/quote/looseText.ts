// The text with layout ignored: runs of white space (line wraps included) become one space,
// white space next to a `|` goes (Markdown table cell padding), and runs of more than three
// `-` become three (table rules re-drawn to a new column width). A quote whose words are
// intact but whose layout changed (a re-wrapped paragraph, a table re-padded because a column
// grew) is found exactly in this projection; offsets map back to the real text.

export class LooseText {
  /** The projected text. */
  readonly text: string;
  /** For each unit of `text`, the offset in the original it stands for. */
  private readonly origin: Int32Array;

  constructor(readonly original: string) {
    const origin = new Int32Array(original.length + 1);
    const parts: string[] = [];
    let n = 0;
    let pendingSpace = -1;
    let last = '';
    for (let i = 0; i < original.length; i++) {
      const ch = original[i];
      if (isSpace(ch)) {
        if (pendingSpace < 0) pendingSpace = i;
        continue;
      }
      if (pendingSpace >= 0 && ch !== '|' && last !== '|') {
        parts.push(' ');
        origin[n++] = pendingSpace;
      }
      pendingSpace = -1;
      if (ch === '-' && i >= 3 && original[i - 1] === '-' && original[i - 2] === '-' && original[i - 3] === '-') continue;
      parts.push(ch);
      origin[n++] = i;
      last = ch;
    }
    if (pendingSpace >= 0 && last !== '|') {
      parts.push(' ');
      origin[n++] = pendingSpace;
    }
    this.text = parts.join('');
    origin[n] = original.length;
    this.origin = origin.subarray(0, n + 1);
  }

  /** Offset in the projection of the first unit at or after `offset` in the original. */
  toLoose(offset: number): number {
    let lo = 0;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.origin[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The original span of the projected span [start, end). */
  toOriginal(start: number, end: number): { start: number; end: number } {
    const s = this.origin[start];
    if (end <= start) return { start: s, end: s };
    let e = this.origin[end - 1] + 1;
    // A collapsed run of dashes ends where the run ends.
    while (this.original[e - 1] === '-' && this.original[e] === '-') e++;
    return { start: s, end: e };
  }
}

/** White space as JavaScript's `\s` knows it. */
function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || (ch > '~' || ch < ' ' ? /\s/.test(ch) : false);
}

let last: LooseText | undefined;

/** The projection of `text`, kept for the next call: a batch searches many quotes in one text. */
export function looseTextOf(text: string): LooseText {
  if (last?.original !== text) last = new LooseText(text);
  return last;
}

/** The projection of a fragment (a quote or its context). */
export function loose(fragment: string): string {
  return new LooseText(fragment).text;
}
