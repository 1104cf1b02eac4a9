import { describe, expect, it } from 'vitest';
import { createAnchor, CONTEXT_LENGTH } from '../../../src/core/anchoring';

describe('createAnchor', () => {
  const text = 'x'.repeat(50) + 'QUOTE' + 'y'.repeat(50);
  it('takes 32 units of prefix and suffix', () => {
    const a = createAnchor(text, 50, 55);
    expect(a).toEqual({ exact: 'QUOTE', prefix: 'x'.repeat(32), suffix: 'y'.repeat(32), start: 50, end: 55 });
    expect(CONTEXT_LENGTH).toBe(32);
  });
  it('takes what there is near the text edges', () => {
    const a = createAnchor('ab cd ef', 0, 2);
    expect(a.prefix).toBe('');
    expect(a.suffix).toBe(' cd ef');
    expect(createAnchor('ab cd ef', 6, 8).suffix).toBe('');
  });
  it('does not split a surrogate pair at the context boundary', () => {
    // 😀 straddles the 32-unit limit on both sides
    const left = '😀' + 'a'.repeat(31);
    const right = 'b'.repeat(31) + '😀';
    const t = left + 'Q' + right;
    const a = createAnchor(t, left.length, left.length + 1);
    expect(a.prefix).toBe('a'.repeat(31));
    expect(a.suffix).toBe('b'.repeat(31));
    // whole pairs within the limit are kept
    const t2 = '😀'.repeat(20) + 'Q' + '𠀀'.repeat(20);
    const a2 = createAnchor(t2, 40, 41);
    expect(a2.prefix).toBe('😀'.repeat(16));
    expect(a2.suffix).toBe('𠀀'.repeat(16));
  });
  it('rejects spans outside the text', () => {
    expect(() => createAnchor('abc', 2, 1)).toThrow(RangeError);
    expect(() => createAnchor('abc', 0, 4)).toThrow(RangeError);
    expect(() => createAnchor('abc', -1, 1)).toThrow(RangeError);
  });
});
