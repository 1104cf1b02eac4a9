// The four-lane walk in JavaScript: for hosts without WebAssembly, and as the reference the
// WebAssembly walk is tested against. It reads the text from a typed array filled block by
// block with Buffer.write (a memcpy): `charCodeAt` checks the string's representation at every
// call, which cost more than the automaton's own work (measured on 1 MB: 1.7 ms with
// charCodeAt, 1.2 ms from the copy).

import type { CompiledDfa, FourLanes, Hits } from './automatonTypes';
import { newHits } from './automatonTypes';

/** Code units per lane copied at a time. */
const BLOCK = 1 << 14;
const LITTLE_ENDIAN = new Uint16Array(new Uint8Array([1, 0]).buffer)[0] === 1;

export class JsFourLanes implements FourLanes {
  readonly delta: Int32Array;
  /** Four blocks, lane after lane, and the same memory as bytes for Buffer.write. */
  private readonly units = new Uint16Array(4 * BLOCK);
  private readonly bytes = typeof Buffer !== 'undefined' && LITTLE_ENDIAN ? Buffer.from(this.units.buffer) : undefined;

  constructor(private readonly dfa: CompiledDfa) {
    this.delta = dfa.delta;
  }

  /** Copies `text[from, from + length)` into block `lane`. */
  private load(text: string, lane: number, from: number, length: number): void {
    if (this.bytes) this.bytes.write(text.substring(from, from + length), lane * BLOCK * 2, length * 2, 'utf16le');
    else for (let i = 0, at = lane * BLOCK; i < length; i++) this.units[at + i] = text.charCodeAt(from + i);
  }

  walk(text: string, cut: readonly number[], shortest: number): { hits: Hits[]; states: number[] } {
    const classOf = this.dfa.classOf;
    const delta = this.delta;
    const units = this.units;
    const h0 = newHits();
    const h1 = newHits();
    const h2 = newHits();
    const h3 = newHits();
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let from = 0; from < shortest; from += BLOCK) {
      const length = Math.min(BLOCK, shortest - from);
      for (let k = 0; k < 4; k++) this.load(text, k, cut[k] + from, length);
      const o0 = from;
      const o1 = cut[1] + from;
      const o2 = cut[2] + from;
      const o3 = cut[3] + from;
      for (let i = 0; i < length; i++) {
        s0 = delta[(s0 >> 2) + classOf[units[i]]];
        s1 = delta[(s1 >> 2) + classOf[units[BLOCK + i]]];
        s2 = delta[(s2 >> 2) + classOf[units[2 * BLOCK + i]]];
        s3 = delta[(s3 >> 2) + classOf[units[3 * BLOCK + i]]];
        if ((s0 | s1 | s2 | s3) < 0) {
          if (s0 < 0) s0 = hit(h0, o0 + i, s0);
          if (s1 < 0) s1 = hit(h1, o1 + i, s1);
          if (s2 < 0) s2 = hit(h2, o2 + i, s2);
          if (s3 < 0) s3 = hit(h3, o3 + i, s3);
        }
      }
    }
    return { hits: [h0, h1, h2, h3], states: [s0, s1, s2, s3] };
  }
}

function hit(hits: Hits, at: number, flagged: number): number {
  const state = ~flagged;
  hits.at.push(at);
  hits.state_.push(state);
  return state;
}
