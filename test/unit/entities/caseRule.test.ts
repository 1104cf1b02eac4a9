import { describe, expect, it } from 'vitest';
import { exactPositions } from '../../../src/core/entities/matcher/caseRule';

const exactLetters = (name: string) => exactPositions(name).map((i) => name[i]).join('');

describe('case rule', () => {
  it('keeps acronyms and inner capitals exact', () => {
    expect(exactLetters('GBA')).toBe('GBA');
    expect(exactLetters('HKUST (GZ)')).toBe('HKUSTGZ');
    expect(exactLetters('RAISe+ Scheme')).toBe('RAISe');
    expect(exactLetters('InnoHK')).toBe('InnoHK');
    expect(exactLetters('I&T')).toBe('IT');
  });

  it('keeps a one-word proper name exact', () => {
    expect(exactLetters('Sit')).toBe('Sit');
    expect(exactLetters('Xi')).toBe('Xi');
    expect(exactLetters('Cyberport')).toBe('Cyberport');
  });

  it('lets ordinary multi-word names and lower-case words match in any case', () => {
    expect(exactPositions('Hong Kong government')).toEqual([]);
    expect(exactPositions('Greater Bay Area')).toEqual([]);
    expect(exactPositions('reindustrialization')).toEqual([]);
    expect(exactPositions('smart city')).toEqual([]);
  });

  it('works word by word', () => {
    expect(exactLetters('HKSAR Government')).toBe('HKSAR');
    expect(exactLetters('Tseung Kwan O')).toBe('O');
  });
});
