// The compiled matcher's shapes, shared by the compiler (automaton.ts) and the scanner (laneScan.ts).

export interface Automaton {
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
  /** Targets as the byte offset of their row (row x A x 4); ~offset when it has an output. */
  delta: Int32Array;
  output: Int32Array;
  matchHead: Int32Array;
  dictNext: Int32Array;
  filter: BoundaryFilter;
}

/** Who walks the four lanes: WebAssembly where available ('auto'), or JavaScript. */
export type LaneEngine = 'auto' | 'wasm' | 'js';

/** Hits of one lane: where a walk reached a state with an output, and which state, in text order. */
export interface Hits {
  at: number[];
  state_: number[];
  /** Final state of the walk. */
  state: number;
  /** Index of the first run-on hit (those must start before the cut). */
  inLane: number;
}

/** Walks the first `shortest` units of four lanes that start at `cut[0..3]`, each from the root. */
export interface FourLanes {
  /** The transition table this walker reads (it may live in WebAssembly memory). */
  readonly delta: Int32Array;
  walk(text: string, cut: readonly number[], shortest: number): { hits: Hits[]; states: number[] };
}

/**
 * Where the transition table lives, allocated before it is filled so that it is written once,
 * in place (a 10,000-name table is tens of megabytes): WebAssembly memory or a plain array.
 */
export interface TableStore {
  /** Zero-filled, `length` entries. */
  readonly delta: Int32Array;
  /** The walker that reads `delta`, once the DFA around it is complete. */
  lanes(dfa: CompiledDfa): FourLanes;
}

export function newHits(): Hits {
  return { at: [], state_: [], state: 0, inLane: Infinity };
}
