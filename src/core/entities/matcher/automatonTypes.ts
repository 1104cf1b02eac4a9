// The compiled matcher's shapes, shared by the compiler (automaton.ts) and the scanner (laneScan.ts).

export interface Automaton {
  /** Number of states (trie nodes); the transition table has states x alphabet entries. */
  readonly stateCount: number;
  /**
   * Calls `onMatch` for every occurrence of every pattern in the folded text, nearly in order
   * of start (by end offset within each lane of the scan; longer patterns first at the same
   * end). `start`/`end` are offsets in `text` itself.
   * Occurrences that plainly start or end inside a word (see `BoundaryFilter`) are skipped
   * here, cheaply; surrogate neighbours are left to the caller.
   */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): void;
}

/** Per pattern: must the character before its start / after its end not be a word unit? */
export interface BoundaryFilter {
  needStart: Uint8Array;
  needEnd: Uint8Array;
  /** Per code unit: 1 = word character, 0 = not, 2 = undecided (surrogate). */
  wordUnit: Uint8Array;
}

export interface CompiledDfa {
  patternLength: Int32Array;
  /** Alphabet size: rows of `delta` are A entries long. */
  A: number;
  classOf: Uint16Array;
  /** The fold the patterns were written in (for offsets: ignored units and space runs). */
  fold: Uint16Array;
  /** Pre-multiplied targets; ~target when the target has an output. */
  delta: Int32Array;
  output: Int32Array;
  matchHead: Int32Array;
  dictNext: Int32Array;
  filter: BoundaryFilter;
}
