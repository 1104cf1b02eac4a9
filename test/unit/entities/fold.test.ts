import { describe, expect, it } from 'vitest';
import { foldExactTable, foldLowerTable, foldString } from '../../../src/core/entities/matcher/fold';

describe('foldString', () => {
  it('drops quotes and apostrophes, straight and curly', () => {
    expect(foldString('the“14th Five-year” Plan', foldLowerTable())).toBe('the14th five-year plan');
    expect(foldString('People’s', foldExactTable())).toBe('Peoples');
    expect(foldString("People's", foldExactTable())).toBe('Peoples');
  });

  it('turns every white space into one space and trims', () => {
    expect(foldString('  Hong\u00a0\u00a0Kong \n\t Science\u2009Park ', foldExactTable())).toBe('Hong Kong Science Park');
  });

  it('folds dashes and minus signs to a hyphen', () => {
    expect(foldString('Guangdong–Hong Kong—Macao−x‐y', foldExactTable())).toBe('Guangdong-Hong Kong-Macao-x-y');
  });

  it('ignores zero-width characters and soft hyphens', () => {
    expect(foldString('Cyber\u00adport\u200b\ufeff', foldExactTable())).toBe('Cyberport');
  });

  it('lower-cases only in the case-insensitive table, and keeps astral characters', () => {
    expect(foldString('HKSAR Government', foldLowerTable())).toBe('hksar government');
    expect(foldString('HKSAR Government', foldExactTable())).toBe('HKSAR Government');
    expect(foldString('𝐀x', foldLowerTable())).toBe('𝐀x');
  });

  it('keeps one code unit per code unit, so folded offsets map back', () => {
    for (let c = 0; c < 0x10000; c += 7) {
      const s = String.fromCharCode(c);
      expect(foldString(s, foldLowerTable()).length).toBeLessThanOrEqual(1);
    }
  });
});
