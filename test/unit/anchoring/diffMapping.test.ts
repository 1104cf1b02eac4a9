import { describe, expect, it } from 'vitest';
import { computeDiff, createAnchor, DiffMap, reanchorAll, reanchorByDiff } from '../../../src/core/anchoring';

function viaDiff(oldText: string, newText: string, start: number, end: number) {
  const anchor = createAnchor(oldText, start, end);
  return reanchorByDiff(anchor, new DiffMap(computeDiff(oldText, newText)), oldText, newText);
}

describe('DiffMap', () => {
  it('maps offsets through equal segments and keeps insertions at edges outside', () => {
    const map = new DiffMap(computeDiff('abc def ghi', 'abc XX def ghi'));
    expect(map.mapStart(4)).toBe(7);
    expect(map.mapEnd(7)).toBe(10);
    expect(map.mapEnd(3)).toBe(3);
    expect(map.survivingLength(0, 11)).toBe(11);
    expect(map.insertions).toEqual([{ start: 4, end: 7 }]);
  });
});

describe('reanchorByDiff', () => {
  it('anchors an untouched span in place and moves a shifted one', () => {
    const old = 'Alpha beta gamma. Delta epsilon.';
    expect(viaDiff(old, old + ' More.', 6, 10)).toMatchObject({ status: 'anchored', anchor: { exact: 'beta', start: 6 } });
    const r = viaDiff(old, 'New first sentence. ' + old, 6, 10);
    expect(r).toMatchObject({ status: 'moved', anchor: { exact: 'beta', start: 26, end: 30 } });
    expect(r.anchor.prefix).toBe('New first sentence. Alpha ');
  });

  it('follows the right copy of a repeated phrase', () => {
    const old = 'A: the cat sat. B: the cat sat. C: the cat sat.';
    const b = old.indexOf('B: ') + 3; // annotate B's "the cat"
    const r = viaDiff(old, 'B: the cat sat. C: the cat sat.', b, b + 7);
    expect(r).toMatchObject({ status: 'moved', anchor: { start: 3, end: 10, exact: 'the cat' } });
    const r2 = viaDiff(old, 'A: the dog sat. B: the cat sat. C: the cat sat.', b, b + 7);
    expect(r2).toMatchObject({ status: 'anchored', anchor: { start: b } });
    const r3 = viaDiff(old, 'A: the cat sat. B: the cow sat. C: the cat sat.', b, b + 7);
    expect(r3).toMatchObject({ status: 'fuzzy', was: 'the cat', anchor: { start: b, exact: 'the cow' } });
  });

  it('reports an edited quote as fuzzy with the old and new text', () => {
    const old = 'We must raise taxes on carbon emissions now.';
    const s = old.indexOf('raise taxes on carbon');
    const r = viaDiff(old, 'We must raise levies on carbon emissions now.', s, s + 'raise taxes on carbon'.length);
    expect(r).toMatchObject({ status: 'fuzzy', was: 'raise taxes on carbon', anchor: { exact: 'raise levies on carbon' } });
    expect(r.score).toBeGreaterThan(0.7);
  });

  it('orphans a deleted quote and keeps the old anchor', () => {
    const old = 'Keep this. Remove this whole sentence please. Keep that.';
    const s = old.indexOf('Remove');
    const anchor = createAnchor(old, s, s + 'Remove this whole sentence'.length);
    const [r] = reanchorAll([anchor], 'Keep this. Keep that.', old);
    expect(r.status).toBe('orphaned');
    expect(r.anchor).toBe(anchor);
  });

  it('orphans a span that is mostly deleted', () => {
    const old = 'one two three four five six seven';
    const r = viaDiff(old, 'one two th six seven', 4, 23);
    expect(r.status).toBe('orphaned');
  });

  it('finds a cut-and-pasted sentence in the inserted text', () => {
    const old = 'First paragraph about housing policy and its costs.\n\nSecond paragraph on transport and roads.\n';
    const moved = 'Second paragraph on transport and roads.\n\nFirst paragraph about housing policy and its costs.\n';
    const s = old.indexOf('housing policy');
    const r = viaDiff(old, moved, s, s + 'housing policy'.length);
    expect(r.status).toBe('moved');
    expect(r.anchor.start).toBe(moved.indexOf('housing policy'));
  });

  it('never cuts a surrogate pair when the diff splits one', () => {
    // 😀 and 😁 share their high surrogate, so a unit-level diff keeps it as "equal".
    const old = 'say 😀 now';
    const r = viaDiff(old, 'say 😁 now', 4, 6);
    expect(r).toMatchObject({ status: 'fuzzy', was: '😀', anchor: { start: 4, end: 6, exact: '😁' } });
  });

  it('handles CRLF documents once normalised and non-BMP characters', () => {
    const old = 'Emoji 😀 here\nCJK 𠀀𠀁 there\n';
    const newer = 'Intro 🎉\nEmoji 😀 here\nCJK 𠀀𠀁 there\n';
    const s = old.indexOf('𠀀𠀁');
    const r = viaDiff(old, newer, s, s + 4);
    expect(r).toMatchObject({ status: 'moved', anchor: { exact: '𠀀𠀁', start: newer.indexOf('𠀀𠀁') } });
  });
});
