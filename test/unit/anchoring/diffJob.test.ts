import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnchor, reanchorAll, reanchorAllChunked } from '../../../src/core/anchoring';
import { DiffJob, type Diff } from '../../../src/core/anchoring/diffMapping';

const seedsDir = join(__dirname, '../../../seeds');
const corpus = readdirSync(seedsDir).map((f) => readFileSync(join(seedsDir, f), 'utf8')).join('\n');

function rebuild(diffs: Diff[]): { before: string; after: string } {
  let before = '';
  let after = '';
  for (const [op, text] of diffs) {
    if (op !== 1) before += text;
    if (op !== -1) after += text;
  }
  return { before, after };
}

function runToEnd(oldText: string, newText: string, ms: number): { diffs: Diff[]; steps: number } {
  const job = new DiffJob(oldText, newText);
  let steps = 1;
  while (!job.step(ms)) steps++;
  return { diffs: job.diffs(), steps };
}

/** A large text with many edits: each replaces a word somewhere. */
function edited(text: string, edits: number, seed: number): string {
  let out = text;
  let x = seed;
  for (let i = 0; i < edits; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const at = x % out.length;
    out = out.slice(0, at) + `ÆDIT${i}` + out.slice(at + (x % 7));
  }
  return out;
}

describe('DiffJob', () => {
  it('is a valid diff of old to new, whatever the edits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 10_000 }), (edits, seed) => {
        const newText = edited(corpus, edits, seed);
        const { diffs } = runToEnd(corpus, newText, 0);
        expect(rebuild(diffs)).toEqual({ before: corpus, after: newText });
      }),
      { numRuns: 40 },
    );
  });

  it('splits the character work of a 1 MB text with hundreds of edits into pieces', () => {
    const big = corpus.repeat(Math.ceil(1_000_000 / corpus.length));
    const newText = edited(big, 300, 7);
    const { diffs, steps } = runToEnd(big, newText, 0);
    expect(rebuild(diffs)).toEqual({ before: big, after: newText });
    expect(steps).toBeGreaterThan(100);
  });

  it('re-anchors in pieces exactly as in one go', async () => {
    const text = corpus.repeat(3);
    const anchors = Array.from({ length: 300 }, (_, i) => {
      const start = Math.floor((i * text.length) / 300);
      return createAnchor(text, start, start + 25);
    });
    const newText = edited(text, 150, 11);
    const whole = reanchorAll(anchors, newText, text);
    const pieces = await reanchorAllChunked(anchors, newText, text, { sliceMs: 1, yieldEvery: 10 });
    expect(pieces.map((r) => [r.status, r.anchor.start, r.anchor.end])).toEqual(whole.map((r) => [r.status, r.anchor.start, r.anchor.end]));
  });
});
