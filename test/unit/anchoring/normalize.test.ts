import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CodePointIndex,
  LineIndex,
  OffsetMap,
  codePointToUtf16Offset,
  normalizeText,
  utf16ToCodePointOffset,
} from '../../../src/core/anchoring';

describe('normalizeText', () => {
  it('strips a leading BOM only', () => {
    expect(normalizeText('\uFEFFabc')).toBe('abc');
    expect(normalizeText('a\uFEFFbc')).toBe('a\uFEFFbc');
  });
  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeText('a\r\nb\rc\n\r\nd\r')).toBe('a\nb\nc\n\nd\n');
    expect(normalizeText('\uFEFF\r\n')).toBe('\n');
  });
  it('returns LF text unchanged', () => {
    const t = 'one\ntwo\u00a0“three”\n';
    expect(normalizeText(t)).toBe(t);
  });
});

const rawText = fc.array(fc.constantFrom('a', 'é', '\r\n', '\r', '\n', '😀', ' '), { maxLength: 40 }).map((parts) => parts.join(''));

describe('OffsetMap', () => {
  it('maps offsets around CRLF and a BOM', () => {
    const raw = '\uFEFFab\r\ncd\re\r\n';
    const m = new OffsetMap(raw);
    expect(m.text).toBe('ab\ncd\ne\n');
    expect(m.isIdentity).toBe(false);
    // normalised 'c' (3) is raw 5 (BOM + "ab\r\n")
    expect(m.toRaw(3)).toBe(5);
    expect(m.toNormalized(5)).toBe(3);
    // before the LF of the CRLF: raw points before the CR
    expect(m.toRaw(2)).toBe(3);
    // between CR and LF maps to before the LF
    expect(m.toNormalized(4)).toBe(2);
    // lone CR keeps length
    expect(m.toRaw(6)).toBe(8);
    expect(m.toRaw(m.text.length)).toBe(raw.length);
    expect(m.toNormalized(0)).toBe(0);
  });

  it('is the identity for LF text', () => {
    const m = new OffsetMap('abc\ndef');
    expect(m.isIdentity).toBe(true);
    expect(m.toRaw(5)).toBe(5);
    expect(m.toNormalized(5)).toBe(5);
  });

  it('round-trips every normalised offset and preserves the text between offsets', () => {
    fc.assert(
      fc.property(rawText, fc.boolean(), (body, bom) => {
        const raw = (bom ? '\uFEFF' : '') + body;
        const m = new OffsetMap(raw);
        for (let n = 0; n <= m.text.length; n++) {
          const r = m.toRaw(n);
          expect(m.toNormalized(r)).toBe(n);
          // The raw text up to r normalises to the normalised text up to n.
          expect(normalizeText(raw.slice(0, r))).toBe(m.text.slice(0, n));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('LineIndex', () => {
  it('converts line/character to offsets and back', () => {
    const idx = new LineIndex('ab\ncde\n\nf');
    expect(idx.lineCount).toBe(4);
    expect(idx.offsetAt(1, 2)).toBe(5);
    expect(idx.offsetAt(1, 99)).toBe(6);
    expect(idx.offsetAt(3, 0)).toBe(8);
    expect(idx.positionAt(5)).toEqual({ line: 1, character: 2 });
    expect(idx.positionAt(7)).toEqual({ line: 2, character: 0 });
    expect(idx.positionAt(9)).toEqual({ line: 3, character: 1 });
  });
});

describe('code point offsets', () => {
  const text = 'a😀b𠀀c'; // emoji and a CJK extension B character are surrogate pairs
  it('counts a surrogate pair as one code point', () => {
    expect(text.length).toBe(7);
    expect(utf16ToCodePointOffset(text, 3)).toBe(2);
    expect(utf16ToCodePointOffset(text, 7)).toBe(5);
    expect(codePointToUtf16Offset(text, 4)).toBe(6);
    // inside a pair rounds down
    expect(utf16ToCodePointOffset(text, 2)).toBe(1);
  });
  it('CodePointIndex agrees with the single-offset helpers and with Array.from', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '😀', '𠀀', '\u00a0', '“', '–'), { maxLength: 30 }), (parts) => {
        const t = parts.join('');
        const idx = new CodePointIndex(t);
        let u = 0;
        for (let cp = 0; cp <= parts.length; cp++) {
          expect(idx.toUtf16(cp)).toBe(u);
          expect(codePointToUtf16Offset(t, cp)).toBe(u);
          expect(idx.toCodePoint(u)).toBe(cp);
          expect(utf16ToCodePointOffset(t, u)).toBe(cp);
          expect(Array.from(t.slice(0, u)).length).toBe(cp);
          if (cp < parts.length) u += parts[cp].length;
        }
        for (let o = 0; o <= t.length; o++) expect(idx.toCodePoint(o)).toBe(utf16ToCodePointOffset(t, o));
      }),
      { numRuns: 200 },
    );
  });
});
