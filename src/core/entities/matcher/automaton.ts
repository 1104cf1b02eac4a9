// Aho-Corasick automaton over UTF-16 code units, compiled to a dense DFA on typed arrays.
//
// Why this shape: a 1 MB document must be scanned against 10,000 names in a few milliseconds,
// so the inner loop is one table lookup to fold and classify the code unit, one to step the
// DFA and one to test for an output, with no allocation and no per-character calls. The
// alphabet is compressed to the code units that occur in the patterns (class 0 = anything
// else), which keeps the table small enough to be dense (nodes x classes).

import { SKIP, SPACE } from './fold';

/** classOf value for a code unit the fold ignores. */
const CLASS_SKIP = 0xffff;
/** classOf value for white space (runs collapse to one space). */
const CLASS_SPACE = 0xfffe;
/** States up to this depth are numbered breadth-first, deeper ones depth-first. */
const SHALLOW = 2;

export interface Automaton {
  /** Number of states (trie nodes); the transition table has states x alphabet entries. */
  readonly stateCount: number;
  /**
   * Calls `onMatch` for every occurrence of every pattern in the folded text, in order of end
   * offset (longer patterns first at the same end). `start`/`end` are offsets in `text` itself.
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

/**
 * Compiles `patterns` (already folded with `fold`, non-empty, distinct, no leading, trailing
 * or double spaces). `fold` maps a code unit to its folded unit, SKIP or SPACE.
 */
export function buildAutomaton(patterns: readonly string[], fold: Uint16Array, boundary?: BoundaryFilter): Automaton {
  // Alphabet: class 0 is "not in any pattern"; classes 1..A-1 are the folded units used.
  const symbolClass = new Uint16Array(0x10000);
  let classes = 1;
  const patternLength = new Int32Array(patterns.length);
  for (let p = 0; p < patterns.length; p++) {
    const s = patterns[p];
    patternLength[p] = s.length;
    for (let i = 0; i < s.length; i++) {
      const u = s.charCodeAt(i);
      if (symbolClass[u] === 0) symbolClass[u] = classes++;
    }
  }
  const A = classes;
  const spaceClass = symbolClass[SPACE];
  const classOf = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = fold[c];
    classOf[c] = f === SKIP ? CLASS_SKIP : f === SPACE ? CLASS_SPACE : symbolClass[f];
  }

  // Exact node count from the sorted patterns (shared prefixes share nodes), so the dense
  // table is allocated once.
  const sorted = [...patterns].sort();
  let nodeCount = 1;
  for (let k = 0; k < sorted.length; k++) {
    const s = sorted[k];
    const prev = k > 0 ? sorted[k - 1] : '';
    let l = 0;
    while (l < s.length && l < prev.length && s.charCodeAt(l) === prev.charCodeAt(l)) l++;
    nodeCount += s.length - l;
  }

  if (nodeCount * A > 0x7fffffff) throw new RangeError(`catalogue too large to compile: ${nodeCount} states x ${A} symbols`);
  const trie = new Int32Array(nodeCount * A);
  const trieOutput = new Int32Array(nodeCount).fill(-1);
  let next = 1;
  for (let p = 0; p < patterns.length; p++) {
    const s = patterns[p];
    let node = 0;
    for (let i = 0; i < s.length; i++) {
      const slot = node * A + symbolClass[s.charCodeAt(i)];
      let child = trie[slot];
      if (child === 0) trie[slot] = child = next++;
      node = child;
    }
    trieOutput[node] = p;
  }

  // Renumber the states for locality. Shallow states (depth <= 2), where the scan spends most
  // of its time, come first in breadth-first order and share a few cache-friendly rows; each
  // deeper subtree follows in depth-first order, so walking along a long name reads rows that
  // lie one after another.
  const bfs = new Int32Array(nodeCount); // old ids, breadth-first
  const depth = new Int32Array(nodeCount);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const u = bfs[head];
    const row = u * A;
    for (let c = 1; c < A; c++) {
      const child = trie[row + c];
      if (child !== 0) {
        depth[child] = depth[u] + 1;
        bfs[tail++] = child;
      }
    }
  }
  const rank = new Int32Array(nodeCount); // old id -> new id
  let placed = 0;
  for (let k = 0; k < nodeCount && depth[bfs[k]] <= SHALLOW; k++) rank[bfs[k]] = placed++;
  const stack: number[] = [];
  for (let k = 0; k < nodeCount && depth[bfs[k]] <= SHALLOW; k++) {
    if (depth[bfs[k]] !== SHALLOW) continue;
    stack.push(bfs[k]);
    while (stack.length) {
      const u = stack.pop() as number;
      if (depth[u] > SHALLOW) rank[u] = placed++;
      const row = u * A;
      for (let c = A - 1; c >= 1; c--) if (trie[row + c] !== 0) stack.push(trie[row + c]);
    }
  }
  const delta = new Int32Array(nodeCount * A);
  const output = new Int32Array(nodeCount);
  for (let u = 0; u < nodeCount; u++) {
    const from = u * A;
    const to = rank[u] * A;
    for (let c = 1; c < A; c++) {
      const child = trie[from + c];
      if (child !== 0) delta[to + c] = rank[child];
    }
    output[rank[u]] = trieOutput[u];
  }

  // Breadth-first: failure links, DFA completion, and the chain of states with an output.
  // Root's children fail to the root (fail[] is zero-filled); its missing edges stay at the root.
  const fail = new Int32Array(nodeCount);
  const matchHead = new Int32Array(nodeCount).fill(-1); // first state with an output on the suffix chain
  const dictNext = new Int32Array(nodeCount).fill(-1); // next such state after this one
  for (let k = 1; k < nodeCount; k++) {
    const u = rank[bfs[k]];
    const f = fail[u];
    dictNext[u] = matchHead[f];
    matchHead[u] = output[u] >= 0 ? u : matchHead[f];
    const row = u * A;
    const frow = f * A;
    for (let c = 1; c < A; c++) {
      const v = delta[row + c];
      if (v !== 0) fail[v] = delta[frow + c];
      else delta[row + c] = delta[frow + c];
    }
  }

  // Pre-multiply targets by A (no multiplication in the loop) and flag targets that have an
  // output with the sign bit (~row), so one load both steps and tests for a match.
  for (let k = 0; k < delta.length; k++) {
    const v = delta[k];
    delta[k] = matchHead[v] >= 0 ? ~(v * A) : v * A;
  }

  const none = new Uint8Array(patterns.length);
  const filter = boundary ?? { needStart: none, needEnd: none, wordUnit: new Uint8Array(0x10000) };
  return new DenseAutomaton(patternLength, A, spaceClass, classOf, delta, output, matchHead, dictNext, filter);
}

class DenseAutomaton implements Automaton {
  constructor(
    private readonly patternLength: Int32Array,
    private readonly A: number,
    private readonly spaceClass: number,
    private readonly classOf: Uint16Array,
    private readonly delta: Int32Array,
    private readonly output: Int32Array,
    private readonly matchHead: Int32Array,
    private readonly dictNext: Int32Array,
    private readonly filter: BoundaryFilter,
  ) {}

  get stateCount(): number {
    return this.matchHead.length;
  }

  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    // Everything the loop touches is a local: V8 keeps them in registers.
    const { A, spaceClass, classOf, delta, output, matchHead, dictNext, patternLength } = this;
    const { needStart, needEnd, wordUnit } = this.filter;
    let state = 0;
    let prevSpace = true;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      let c = classOf[text.charCodeAt(i)];
      if (c >= CLASS_SPACE) {
        if (c === CLASS_SKIP || prevSpace) continue;
        prevSpace = true;
        c = spaceClass;
      } else prevSpace = false;
      state = delta[state + c];
      if (state >= 0) continue;
      state = ~state;
      let h = matchHead[(state / A) | 0];
      const wordAfter = i + 1 < n && wordUnit[text.charCodeAt(i + 1)] === 1;
      while (h >= 0) {
        const p = output[h];
        h = dictNext[h];
        if (wordAfter && needEnd[p] === 1) continue;
        const start = this.startOf(text, i, patternLength[p]);
        if (needStart[p] === 1 && start > 0 && wordUnit[text.charCodeAt(start - 1)] === 1) continue;
        onMatch(p, start, i + 1);
      }
    }
  }

  /**
   * Original offset where a match of `length` folded units that ends at `last` starts: walks
   * back applying the fold (ignored units, one space per white-space run). Done per match
   * rather than remembering every offset, which would cost a store per character.
   */
  private startOf(text: string, last: number, length: number): number {
    const classOf = this.classOf;
    let j = last;
    for (let remaining = length; ; j--) {
      const c = classOf[text.charCodeAt(j)];
      if (c === CLASS_SKIP) continue;
      if (c === CLASS_SPACE) {
        while (j > 0 && classOf[text.charCodeAt(j - 1)] >= CLASS_SPACE) j--;
        remaining--;
        continue;
      }
      if (--remaining === 0) return j;
    }
  }
}
