// Aho-Corasick automaton over UTF-16 code units, compiled to a dense DFA on typed arrays.
//
// Why this shape: a 1 MB document must be scanned against 100 to 10,000 names as fast as V8's
// compiled RegExp scans it, so the inner loop is one table lookup to classify the code unit and
// one to step the DFA, with no branch but the (rare) output test: ignored characters and
// white-space runs are self-loops in the table rather than tests in the loop. The alphabet is
// compressed to the code units that occur in the patterns (class 0 = anything else), which
// keeps the table small enough to be dense (nodes x classes). Scanning itself is in
// `laneScan.ts`.

import { SKIP, SPACE } from './fold';
import type { Automaton, BoundaryFilter, LaneEngine } from './automatonTypes';
import { LaneScanner, tableStore } from './laneScan';

/** States up to this depth are numbered breadth-first, deeper ones depth-first. */
const SHALLOW = 2;

export type { Automaton, BoundaryFilter, LaneEngine } from './automatonTypes';

/**
 * Compiles `patterns` (already folded with `fold`, non-empty, distinct, no leading, trailing
 * or double spaces). `fold` maps a code unit to its folded unit, SKIP or SPACE. `engine` picks
 * who walks long texts: WebAssembly where the host has it ('auto'), or JavaScript.
 */
export function buildAutomaton(patterns: readonly string[], fold: Uint16Array, boundary?: BoundaryFilter, engine: LaneEngine = 'auto'): Automaton {
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
  // Ignored code units get a class of their own, always a self-loop.
  const skipClass = classes++;
  const A = classes;
  const spaceClass = symbolClass[SPACE];
  const classOf = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = fold[c];
    classOf[c] = f === SKIP ? skipClass : symbolClass[f];
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

  // Targets are stored as byte offsets of their row (see below), which must fit an i32.
  if (nodeCount * A * 4 > 0x7fffffff) throw new RangeError(`catalogue too large to compile: ${nodeCount} states x ${A} symbols`);
  // The trie as child lists (first child, next sibling, class of the edge in): only the final
  // table is dense, so the build holds one nodes x classes array, not three.
  const firstChild = new Int32Array(nodeCount);
  const nextSibling = new Int32Array(nodeCount);
  const edgeClass = new Uint16Array(nodeCount);
  const trieOutput = new Int32Array(nodeCount).fill(-1);
  const endsInSpace = new Uint8Array(nodeCount);
  let next = 1;
  for (let p = 0; p < patterns.length; p++) {
    const s = patterns[p];
    let node = 0;
    for (let i = 0; i < s.length; i++) {
      const c = symbolClass[s.charCodeAt(i)];
      let child = firstChild[node];
      while (child !== 0 && edgeClass[child] !== c) child = nextSibling[child];
      if (child === 0) {
        child = next++;
        edgeClass[child] = c;
        nextSibling[child] = firstChild[node];
        firstChild[node] = child;
      }
      node = child;
      if (s.charCodeAt(i) === SPACE) endsInSpace[node] = 1;
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
    for (let child = firstChild[u]; child !== 0; child = nextSibling[child]) {
      depth[child] = depth[u] + 1;
      bfs[tail++] = child;
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
      for (let child = firstChild[u]; child !== 0; child = nextSibling[child]) stack.push(child);
    }
  }
  // The table is written where the walker reads it (WebAssembly memory where the host has it).
  const store = tableStore(nodeCount * A, engine);
  const delta = store.delta;
  const output = new Int32Array(nodeCount);
  const spaceEnded = new Uint8Array(nodeCount);
  for (let u = 0; u < nodeCount; u++) {
    const to = rank[u] * A;
    for (let child = firstChild[u]; child !== 0; child = nextSibling[child]) delta[to + edgeClass[child]] = rank[child];
    output[rank[u]] = trieOutput[u];
    spaceEnded[rank[u]] = endsInSpace[u];
  }

  // One breadth-first pass over the table, each row final once written: failure links, DFA
  // completion, the chain of states with an output, and the encoding the scan reads. Targets are
  // stored as the byte offset of their row (no multiplication in the loop; WebAssembly addresses
  // bytes, JavaScript shifts by 2), flagged with the sign bit (~offset) when they have an output,
  // so one load both steps and tests for a match. A state's failure target is shallower, so its
  // row is already final when the state's row is completed from it.
  const rowBytes = A * 4;
  const stateAt = (target: number) => (target < 0 ? ~target : target) / rowBytes;
  const fail = new Int32Array(nodeCount);
  const matchHead = new Int32Array(nodeCount).fill(-1); // first state with an output on the suffix chain
  const dictNext = new Int32Array(nodeCount).fill(-1); // next such state after this one
  for (let k = 0; k < nodeCount; k++) {
    const u = rank[bfs[k]];
    const row = u * A;
    const frow = fail[u] * A;
    for (let c = 1; c < A; c++) {
      const v = delta[row + c];
      if (v === 0) {
        // The root's missing edges stay at the root.
        if (k > 0) delta[row + c] = delta[frow + c];
        continue;
      }
      const f = k === 0 ? 0 : stateAt(delta[frow + c]);
      fail[v] = f;
      dictNext[v] = matchHead[f];
      matchHead[v] = output[v] >= 0 ? v : matchHead[f];
      delta[row + c] = matchHead[v] >= 0 ? ~(v * rowBytes) : v * rowBytes;
    }
    // The fold as self-loops, never flagged (a match is reported once, when its last unit is
    // read): an ignored unit leaves the state as it is, and so does white space after a state
    // that ends in a space (runs collapse to one space). From the root, white space stays at the
    // root, since no pattern starts with a space.
    delta[row + skipClass] = u * rowBytes;
    if (spaceClass !== 0 && spaceEnded[u] === 1) delta[row + spaceClass] = u * rowBytes;
  }

  const none = new Uint8Array(patterns.length);
  const filter = boundary ?? { needStart: none, needEnd: none, wordUnit: new Uint8Array(0x10000) };
  const dfa = { patternLength, A, classOf, fold, delta, output, matchHead, dictNext, filter };
  return new LaneScanner(dfa, store.lanes(dfa));
}
