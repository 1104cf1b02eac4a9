// Leftmost-longest selection of non-overlapping matches.
//
// The automaton reports matches ordered by end offset. Each match is at most the longest
// pattern away from its end, so the list is nearly sorted by start: insertion sort into
// (start ascending, end descending) is linear in practice, and needs no allocation per match.

export class MatchList {
  start = new Int32Array(64);
  end = new Int32Array(64);
  item = new Int32Array(64);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  /** Adds a match and keeps the list sorted by start ascending, then end descending. */
  add(start: number, end: number, item: number): void {
    if (this.length === this.start.length) this.grow();
    const s = this.start;
    const e = this.end;
    const it = this.item;
    let j = this.length++;
    while (j > 0 && (s[j - 1] > start || (s[j - 1] === start && e[j - 1] < end))) {
      s[j] = s[j - 1];
      e[j] = e[j - 1];
      it[j] = it[j - 1];
      j--;
    }
    s[j] = start;
    e[j] = end;
    it[j] = item;
  }

  /** Indices (into this list) of the leftmost-longest non-overlapping matches. */
  selectLeftmostLongest(): number[] {
    const chosen: number[] = [];
    let lastEnd = -1;
    for (let k = 0; k < this.length; k++) {
      if (this.start[k] >= lastEnd) {
        chosen.push(k);
        lastEnd = this.end[k];
      }
    }
    return chosen;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const copy = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.start = copy(this.start);
    this.end = copy(this.end);
    this.item = copy(this.item);
  }
}
