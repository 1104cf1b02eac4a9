import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContextMatcher, PatternMasks, semiGlobalDistance } from '../../../src/core/anchoring/similarity';

/** Plain DP: min edit distance of pattern against a substring of text ending at text's end. */
function naive(pattern: string, text: string): number {
  const m = pattern.length;
  let prev = Array.from({ length: m + 1 }, (_, i) => i);
  for (let j = 0; j < text.length; j++) {
    const cur = [0];
    for (let i = 1; i <= m; i++) {
      cur[i] = Math.min(prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (pattern[i - 1] === text[j] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[m];
}

describe('semiGlobalDistance (Myers bit-parallel)', () => {
  it('agrees with the textbook DP', () => {
    const chars = fc.constantFrom('a', 'b', 'c', ' ', '\u00a0');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 32 }), fc.array(chars, { maxLength: 70 }), (p, t) => {
        const pattern = p.join('');
        const text = t.join('');
        expect(semiGlobalDistance(new PatternMasks(pattern), text, 0, text.length, 1)).toBe(naive(pattern, text));
        const rp = [...p].reverse().join('');
        const rt = [...t].reverse().join('');
        expect(semiGlobalDistance(new PatternMasks(rp), text, text.length - 1, text.length, -1)).toBe(naive(rp, rt));
      }),
      { numRuns: 500 },
    );
  });
});

describe('ContextMatcher', () => {
  const prefix = 'It reports that the policy of the ';
  const suffix = ' government is under review now, it says';
  const m = new ContextMatcher(prefix, suffix);
  const text = `Earlier ${prefix}HK${suffix}.`;
  const at = text.indexOf('HK');
  it('is 1 for intact context and drops with edits', () => {
    expect(m.prefixSimilarity(text, at)).toBe(1);
    expect(m.suffixSimilarity(text, at + 2)).toBe(1);
    const edited = text.replace('of the', 'of the new');
    const at2 = edited.indexOf('HK');
    expect(m.prefixSimilarity(edited, at2)).toBeLessThan(1);
    expect(m.prefixSimilarity(edited, at2)).toBeGreaterThan(0.8);
    const other = 'Completely unrelated words stand before this HK';
    expect(m.prefixSimilarity(other, other.length - 2)).toBeLessThan(0.6);
  });
  it('scores a context cut short by the document start on distance to the start', () => {
    const short = new ContextMatcher('At ', ' the');
    expect(short.prefixSimilarity('At X the', 3)).toBe(1);
    expect(short.prefixSimilarity('Long text before. At X the', 21)).toBeLessThan(0.5);
    expect(short.prefixSimilarity('A long text before it. At X the', 26)).toBeLessThan(short.prefixSimilarity('Long text before. At X the', 21));
  });
  it('checks the immediate neighbours on both sides', () => {
    expect(m.adjacentAgrees(text, at, at + 2)).toBe(true);
    expect(m.adjacentAgrees(text.replace('the HK', 'thy HK'), at, at + 2)).toBe(false);
  });
});
