import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAutomaton } from '../../../src/core/entities/matcher/automaton';
import { foldLowerTable, SKIP, SPACE } from '../../../src/core/entities/matcher/fold';

/** Reference: fold the text with an offset map, then indexOf every pattern. */
function naive(patterns: string[], text: string): string[] {
  const table = foldLowerTable();
  let folded = '';
  const map: number[] = [];
  let prevSpace = true;
  for (let i = 0; i < text.length; i++) {
    const f = table[text.charCodeAt(i)];
    if (f === SKIP) continue;
    if (f === SPACE) {
      if (prevSpace) continue;
      prevSpace = true;
    } else prevSpace = false;
    folded += String.fromCharCode(f);
    map.push(i);
  }
  const out: string[] = [];
  patterns.forEach((p, k) => {
    for (let at = folded.indexOf(p); at >= 0; at = folded.indexOf(p, at + 1)) out.push(`${k}:${map[at]}:${map[at + p.length - 1] + 1}`);
  });
  return out.sort();
}

function viaAutomaton(patterns: string[], text: string): string[] {
  const out: string[] = [];
  buildAutomaton(patterns, foldLowerTable()).scan(text, (p, s, e) => out.push(`${p}:${s}:${e}`));
  return out.sort();
}

describe('Aho-Corasick automaton', () => {
  it('finds overlapping and nested patterns with original offsets', () => {
    const patterns = ['he', 'she', 'his', 'hers'];
    expect(viaAutomaton(patterns, 'ushers')).toEqual(naive(patterns, 'ushers'));
    expect(viaAutomaton(patterns, 'ushers').length).toBe(3);
  });

  it('matches across folded punctuation and spaces, reporting original offsets', () => {
    const text = 'the“14th Five-year” \u00a0Plan';
    const found: [number, number][] = [];
    buildAutomaton(['14th five-year plan'], foldLowerTable()).scan(text, (_p, s, e) => found.push([s, e]));
    expect(found).toEqual([[4, text.length]]);
    expect(text.slice(found[0][0], found[0][1])).toBe('14th Five-year” \u00a0Plan');
  });

  it('agrees with a naive search (property)', () => {
    const unit = fc.constantFrom('a', 'b', 'c', ' ');
    const pattern = fc
      .array(unit, { minLength: 1, maxLength: 6 })
      .map((cs) => cs.join('').replace(/ +/g, ' ').trim())
      .filter((s) => s.length > 0);
    const textUnit = fc.constantFrom('a', 'b', 'c', 'A', 'B', ' ', '\u00a0', '\n', '’', '"', '–', 'x');
    fc.assert(
      fc.property(fc.uniqueArray(pattern, { minLength: 1, maxLength: 8 }), fc.array(textUnit, { maxLength: 400 }), (patterns, chars) => {
        const text = chars.join('');
        expect(viaAutomaton(patterns, text)).toEqual(naive(patterns, text));
      }),
      { numRuns: 400 },
    );
  });

  // Long texts are walked in four lanes cut at a quarter, a half and three quarters: a name
  // across a cut, one that starts exactly on it, and spaces or ignored units on it are found once.
  it('finds names across and on the cuts between scan lanes exactly once', () => {
    const patterns = ['ab ab', 'ab', 'b a', 'bab'];
    for (let length = 64; length <= 68; length++) {
      for (let at = 8; at < 24; at++) {
        for (const piece of ['ab ab', 'ab  \u00a0ab', 'a’b ab', 'abab', 'b ab']) {
          const text = `${'x'.repeat(at)}${piece}${'y'.repeat(Math.max(0, length - at - piece.length))}`;
          expect(viaAutomaton(patterns, text)).toEqual(naive(patterns, text));
        }
      }
    }
  });

  it('reads lone surrogates as they are, in short and long texts', () => {
    const patterns = ['a\ud800b', '\udc00c'];
    for (const text of ['xa\ud800b \udc00c', `${'y '.repeat(40)}a\ud800b ${'z'.repeat(50)}\udc00c\ud800`]) {
      expect(viaAutomaton(patterns, text)).toEqual(naive(patterns, text));
      expect(viaAutomaton(patterns, text)).toHaveLength(2);
    }
  });

  it('handles astral characters as two code units', () => {
    const found: [number, number][] = [];
    buildAutomaton(['𝐀b'], foldLowerTable()).scan('x 𝐀b', (_p, s, e) => found.push([s, e]));
    expect(found).toEqual([[2, 5]]);
  });
});
