// Scanning text with the compiled DFA, four lanes at a time.
//
// Why lanes: each step's table load depends on the previous step's result, so one walk
// through the text is bound by load latency, not by work (measured: a single walk costs 1.15x
// V8's case-insensitive RegExp on 1 MB, four lanes 0.8x in JavaScript). The text is cut into
// four consecutive lanes walked in the same loop, each from the root; the CPU overlaps their
// loads. A lane then runs on past its end, alone, until its state is the root again, so a name
// that starts in it and ends in the next lane is still found; the next lane, which started at
// the root, finds exactly the names that start in it, so the run-on keeps only names that
// start before the cut. The four-lane loop runs in WebAssembly where the host has it (no
// bounds checks, no string access per character: about half the JavaScript loop's time), in
// JavaScript otherwise; short walks (run-ons, short texts) are JavaScript.

import { SKIP, SPACE } from './fold';
import type { Automaton, CompiledDfa, FourLanes, Hits, LaneEngine, TableStore } from './automatonTypes';
import { newHits } from './automatonTypes';
import { JsFourLanes } from './jsLanes';
import { wasmTable } from './wasmLanes';

const LANES = 4;
/** Below this many code units per lane, one lane: cutting is not worth it. */
const MIN_LANE = 16;

/** The store for a table of `length` entries: WebAssembly memory where the host has it ('auto'), else an array. */
export function tableStore(length: number, engine: LaneEngine): TableStore {
  return (engine !== 'js' && wasmTable(length, engine === 'wasm')) || { delta: new Int32Array(length), lanes: (dfa) => new JsFourLanes(dfa) };
}

export class LaneScanner implements Automaton {
  /** `dfa.delta` must be the table of the store `lanes` came from (tableStore). */
  constructor(
    private readonly dfa: CompiledDfa,
    private readonly lanes: FourLanes,
  ) {}

  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    const n = text.length;
    const lanes = n >= LANES * MIN_LANE ? LANES : 1;
    const cut = [0];
    for (let k = 1; k < lanes; k++) cut.push(Math.floor((n * k) / lanes));
    cut.push(n);
    const hits = lanes === 1 ? [this.walkOne(text, 0, n, 0)] : this.walkFour(text, cut);
    for (let k = 0; k < lanes; k++) {
      const laneHits = hits[k];
      const end = cut[k + 1];
      // The run-on past the cut: until the root, keeping only what started before the cut.
      if (k < lanes - 1 && laneHits.state !== 0) this.walkOne(text, end, n, laneHits.state, laneHits);
      for (let h = 0; h < laneHits.at.length; h++) this.report(text, laneHits.at[h], laneHits.state_[h], h >= laneHits.inLane ? end : n, onMatch);
    }
  }

  /** Walks `[from, to)` from `state`; stops early at the root when it is a run-on. */
  private walkOne(text: string, from: number, to: number, state: number, into?: Hits): Hits {
    // Targets are byte offsets of rows: the entry is (offset >> 2) + class.
    const { classOf, delta } = this.dfa;
    const hits = into ?? newHits();
    const runOn = into !== undefined;
    hits.inLane = runOn ? hits.at.length : Infinity;
    for (let i = from; i < to; i++) {
      state = delta[(state >> 2) + classOf[text.charCodeAt(i)]];
      if (state < 0) {
        state = ~state;
        hits.at.push(i);
        hits.state_.push(state);
      } else if (runOn && state === 0) break;
    }
    hits.state = state;
    return hits;
  }

  /** The four lanes; each lane's hits and final state. */
  private walkFour(text: string, cut: number[]): Hits[] {
    const shortest = Math.min(cut[1], cut[2] - cut[1], cut[3] - cut[2], cut[4] - cut[3]);
    const { hits, states } = this.lanes.walk(text, cut, shortest);
    // Lanes differ in length by at most one unit: finish each alone.
    for (let k = 0; k < LANES; k++) {
      const done = this.walkOne(text, cut[k] + shortest, cut[k + 1], states[k]);
      hits[k].at.push(...done.at);
      hits[k].state_.push(...done.state_);
      hits[k].state = done.state;
    }
    return hits;
  }

  /** Reports the patterns that end at `last` in `state`; only those starting before `before`. */
  private report(text: string, last: number, state: number, before: number, onMatch: (pattern: number, start: number, end: number) => void): void {
    const { A, output, matchHead, dictNext, patternLength } = this.dfa;
    const { needStart, needEnd, wordUnit } = this.dfa.filter;
    const n = text.length;
    let h = matchHead[(state / (A * 4)) | 0];
    const wordAfter = last + 1 < n && wordUnit[text.charCodeAt(last + 1)] === 1;
    while (h >= 0) {
      const p = output[h];
      h = dictNext[h];
      if (wordAfter && needEnd[p] === 1) continue;
      const start = this.startOf(text, last, patternLength[p]);
      if (start >= before) continue;
      if (needStart[p] === 1 && start > 0 && wordUnit[text.charCodeAt(start - 1)] === 1) continue;
      onMatch(p, start, last + 1);
    }
  }

  /**
   * Original offset where a match of `length` folded units that ends at `last` starts: walks
   * back applying the fold (ignored units, one space per white-space run). Done per match
   * rather than remembering every offset, which would cost a store per character.
   */
  private startOf(text: string, last: number, length: number): number {
    const fold = this.dfa.fold;
    let j = last;
    for (let remaining = length; ; j--) {
      const f = fold[text.charCodeAt(j)];
      if (f === SKIP) continue;
      if (f === SPACE) {
        while (j > 0 && (fold[text.charCodeAt(j - 1)] === SPACE || fold[text.charCodeAt(j - 1)] === SKIP)) j--;
        remaining--;
        continue;
      }
      if (--remaining === 0) return j;
    }
  }
}
