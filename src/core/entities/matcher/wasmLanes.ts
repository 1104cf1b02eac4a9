// The four-lane walk in WebAssembly (source: wasm/walk4.wat). The transition table is built
// in the module's memory, and the JavaScript walks (run-ons, short texts) read it there too, so
// it is held once and never copied. The text is copied in block by block with Buffer.write (a memcpy).

import type { CompiledDfa, FourLanes, Hits, TableStore } from './automatonTypes';
import { newHits } from './automatonTypes';
import { WALK4_WASM } from './wasm/walk4Binary';

/** Byte offsets in the module's memory; walk4.wat has the same numbers. */
const LAYOUT = { classOf: 0, blocks: 131072, hits: 262144, states: 786432, delta: 786448 } as const;
/** Code units per lane and block (the hit area holds one hit per unit of four blocks). */
const BLOCK = 16384;
const PAGE = 65536;
const LITTLE_ENDIAN = new Uint16Array(new Uint8Array([1, 0]).buffer)[0] === 1;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where the host cannot run it. */
function walkModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    compiled = typeof WebAssembly === 'object' && typeof Buffer !== 'undefined' && LITTLE_ENDIAN ? new WebAssembly.Module(Buffer.from(WALK4_WASM, 'base64')) : null;
  } catch {
    compiled = null;
  }
  return compiled ?? null;
}

/** A table in WebAssembly memory and the walker over it, or undefined where the host has none (an error if `required`). */
export function wasmTable(length: number, required: boolean): TableStore | undefined {
  const module = walkModule();
  if (!module) {
    if (required) throw new Error('WebAssembly is not available in this host');
    return undefined;
  }
  const memory = new WebAssembly.Memory({ initial: Math.ceil((LAYOUT.delta + length * 4) / PAGE) });
  const delta = new Int32Array(memory.buffer, LAYOUT.delta, length);
  return { delta, lanes: (dfa) => new WasmFourLanes(dfa, module, memory, delta) };
}

class WasmFourLanes implements FourLanes {
  private readonly bytes: Buffer;
  private readonly i32: Int32Array;
  private readonly walk4: (length: number) => number;

  constructor(dfa: CompiledDfa, module: WebAssembly.Module, memory: WebAssembly.Memory, readonly delta: Int32Array) {
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    this.walk4 = instance.exports.walk4 as (length: number) => number;
    new Uint16Array(memory.buffer, LAYOUT.classOf, 0x10000).set(dfa.classOf);
    this.bytes = Buffer.from(memory.buffer);
    this.i32 = new Int32Array(memory.buffer);
  }

  walk(text: string, cut: readonly number[], shortest: number): { hits: Hits[]; states: number[] } {
    const { bytes, i32 } = this;
    const hits = [newHits(), newHits(), newHits(), newHits()];
    const states = LAYOUT.states >> 2;
    i32.fill(0, states, states + 4);
    for (let from = 0; from < shortest; from += BLOCK) {
      const length = Math.min(BLOCK, shortest - from);
      for (let k = 0; k < 4; k++) bytes.write(text.substring(cut[k] + from, cut[k] + from + length), LAYOUT.blocks + k * BLOCK * 2, length * 2, 'utf16le');
      const count = this.walk4(length);
      for (let e = 0, at = LAYOUT.hits >> 2; e < count; e++, at += 2) {
        const lane = i32[at] >>> 16;
        hits[lane].at.push(cut[lane] + from + (i32[at] & 0xffff));
        hits[lane].state_.push(i32[at + 1]);
      }
    }
    return { hits, states: [i32[states], i32[states + 1], i32[states + 2], i32[states + 3]] };
  }
}
