// The WebAssembly walker ships as base64 in walk4Binary.ts, generated from walk4.wat: the two
// must not drift apart (someone edits the .wat and forgets to run scripts/build-wasm.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('WebAssembly sources', () => {
  it('walk4Binary.ts is what scripts/build-wasm.mjs makes of walk4.wat', async () => {
    const root = join(__dirname, '../../..');
    const { MODULES, generate } = await import(join(root, 'scripts/build-wasm.mjs'));
    for (const m of MODULES) expect(readFileSync(join(root, m.out), 'utf8')).toBe(await generate(root, m));
  });
});
