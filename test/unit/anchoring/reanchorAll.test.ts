import { describe, expect, it } from 'vitest';
import { createAnchor, reanchorAll, reanchorAllChunked, type AnchorResult } from '../../../src/core/anchoring';
import { SEEDS } from './propertyHelpers';

const text = SEEDS[4];
const anchors = [...text.matchAll(/\S+(?: \S+){0,3}/g)]
  .filter((_, i) => i % 7 === 0)
  .map((m) => createAnchor(text, m.index ?? 0, (m.index ?? 0) + m[0].length));

describe('reanchorAll', () => {
  it('unchanged text: every anchor anchored with fresh selectors, in input order', () => {
    const shuffled = [...anchors].reverse();
    const results = reanchorAll(shuffled, text, text);
    expect(results.every((r) => r.status === 'anchored')).toBe(true);
    results.forEach((r, k) => expect(r.anchor).toEqual(shuffled[k]));
  });

  it('an anchor that does not match the old text falls back to quote search', () => {
    const unique = anchors.find((a) => a.exact.length > 12 && text.indexOf(a.exact) === text.lastIndexOf(a.exact));
    if (!unique) throw new Error('no unique quote');
    const stale = { ...unique, start: unique.start + 5, end: unique.end + 5 };
    const [r] = reanchorAll([stale], text, text);
    expect(r.status).toBe('moved');
    expect(r.anchor).toEqual(unique);
  });

  it('gives the same results chunked, yielding to the event loop', async () => {
    const newer = 'A new title\n\n' + text.slice(0, 5000) + ' inserted words ' + text.slice(5000, 12000) + text.slice(12500);
    for (const old of [text, undefined]) {
      const direct = reanchorAll(anchors, newer, old);
      let ticks = 0;
      const timer = setInterval(() => ticks++, 0);
      const chunked = await reanchorAllChunked(anchors, newer, old, { yieldEvery: 10 });
      clearInterval(timer);
      expect(chunked).toEqual(direct);
      expect(direct.filter((r: AnchorResult) => r.status === 'orphaned').length).toBeGreaterThan(0);
    }
  });

  it('chunked work can be aborted', async () => {
    const controller = new AbortController();
    const promise = reanchorAllChunked(anchors, 'x' + text, undefined, { yieldEvery: 5, signal: controller.signal });
    controller.abort();
    await expect(promise).rejects.toBeDefined();
  });
});
