import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compromiseCandidateFinder, NLP_MAX_PARAGRAPH } from '../../../src/core/entities/candidates/compromiseFinder';
import { heuristicCandidateFinder } from '../../../src/core/entities/candidates/heuristic';

const find = (text: string, taken: { start: number; end: number }[] = []) => compromiseCandidateFinder.find(text, taken).map((m) => m.text);

describe('compromise-backed candidate finder', () => {
  it('finds people, places and acronyms the catalogue does not have, without adjacent punctuation', () => {
    const text = 'Yesterday Maria Gonzalez met officials in Lisbon. The WTO replied.';
    expect(find(text)).toEqual(['Maria Gonzalez', 'Lisbon', 'WTO']);
  });

  it('leaves out what the catalogue already covers', () => {
    const text = 'Yesterday Maria Gonzalez met officials in Lisbon.';
    const start = text.indexOf('Lisbon');
    expect(find(text, [{ start, end: start + 6 }])).toEqual(['Maria Gonzalez']);
  });

  it('reports offsets in the original text, with curly quotes and non-BMP characters before them', () => {
    const text = '🎉 “Officials” said Maria Gonzalez would visit.';
    const mention = compromiseCandidateFinder.find(text, []).find((m) => m.text === 'Maria Gonzalez')!;
    expect(text.slice(mention.start, mention.end)).toBe('Maria Gonzalez');
    expect(mention).toMatchObject({ source: 'candidate', entityId: 'candidate:maria-gonzalez' });
  });

  it('leaves a paragraph too long for the NLP library to the heuristic (compromise on a 300k-character line took minutes)', () => {
    const seed = readFileSync(join(__dirname, '../../../seeds/004_37cb7f1bcf4e8cbd.txt'), 'utf8').replace(/\n/g, ' ');
    const line = seed.repeat(Math.ceil((NLP_MAX_PARAGRAPH * 3) / seed.length));
    expect(compromiseCandidateFinder.find(line, [])).toEqual(heuristicCandidateFinder.find(line, []));
  });

  it('adds the heuristic’s capitalised names that compromise does not tag', () => {
    const seed = readFileSync(join(__dirname, '../../../seeds/000_d3c97eb98561e2fd.txt'), 'utf8');
    const names = find(seed);
    expect(names).toContain('Web3');
    expect(new Set(names).size).toBeGreaterThan(5);
  });
});
