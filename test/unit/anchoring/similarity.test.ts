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
  const m = new ContextMatcher('the policy of the ', ' government is');
  it('is 1 for intact context and drops with edits', () => {
    const text = 'As the policy of the HK government is';
    expect(m.prefixSimilarity(text, 21)).toBe(1);
    expect(m.suffixSimilarity(text, 23)).toBe(1);
    const edited = 'As the policy of the new HK government is';
    expect(m.prefixSimilarity(edited, 25)).toBeLessThan(1);
    expect(m.prefixSimilarity(edited, 25)).toBeGreaterThan(0.7);
    expect(m.prefixSimilarity('unrelated words before this HK', 28)).toBeLessThan(0.6);
  });
});
