import { describe, expect, it } from 'vitest';
import { heuristicCandidateFinder, suggestId } from '../../../src/core/entities/index';

const find = (text: string, taken: { start: number; end: number }[] = []) => heuristicCandidateFinder.find(text, taken).map((m) => m.text);

describe('heuristic candidate finder', () => {
  it('finds capitalised multi-word names and acronyms', () => {
    expect(find('Yesterday the board of Acme Widgets Limited met the IPO bankers and ChatGPT users.')).toEqual([
      'Acme Widgets Limited',
      'IPO',
      'ChatGPT',
    ]);
  });

  it('joins "of" and "for", and "and" only inside such a name', () => {
    expect(find('officials from the Ministry of Science and Technology met staff at Tencent and Baidu offices.')).toEqual([
      'Ministry of Science and Technology',
      'Tencent',
      'Baidu',
    ]);
  });

  it('ignores sentence-initial common words and lone sentence-initial words', () => {
    expect(find('The Lingang Group signed. However, nothing changed. Looking back, it worked.')).toEqual(['Lingang Group']);
  });

  it('ignores titles, demonyms, months, weekdays and adjectival compounds, but keeps acronyms in them', () => {
    expect(find('the Secretary met Chinese officials on Wednesday in March for Internet-related and IT-related work')).toEqual(['IT']);
  });

  it('keeps only acronyms in title-case headlines', () => {
    expect(find('Hong Kong Has Obvious Advantages in Developing WCC Rankings\nbody text')).toEqual(['WCC']);
    // A sentence dense with names is not a headline: it ends with a full stop.
    expect(find('Alpha Beta met Gamma Delta.')).toEqual(['Alpha Beta', 'Gamma Delta']);
  });

  it('treats an opening quote as the start of a phrase', () => {
    expect(find('four directions: "Perfecting the ecosystem", "Enlarging the talent pool" and so on')).toEqual([]);
  });

  it('skips spans already claimed and addresses', () => {
    const text = 'Alpha Beta met Gamma Delta at www.Example.com and Mail@Example.org.';
    expect(find(text, [{ start: 0, end: 10 }])).toEqual(['Gamma Delta']);
  });

  it('reports candidates with a suggested id', () => {
    const [m] = heuristicCandidateFinder.find('we met Shanghai Lingang Group today.', []);
    expect(m).toEqual({ start: 7, end: 29, text: 'Shanghai Lingang Group', entityId: 'candidate:shanghai-lingang-group', type: 'unknown', source: 'candidate' });
    expect(suggestId('R&D’s')).toBe('r-and-d');
  });
});
