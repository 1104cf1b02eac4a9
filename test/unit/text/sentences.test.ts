import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentencesAround, snapToSentences, trimSpan } from '../../../src/core/text/sentences';

const seed = readFileSync(join(__dirname, '../../../seeds/000_d3c97eb98561e2fd.txt'), 'utf8');
const snap = (text: string, selected: string) => {
  const start = text.indexOf(selected);
  const span = snapToSentences(text, start, start + selected.length);
  return text.slice(span.start, span.end);
};

describe('sentence snapping', () => {
  it('widens a few selected words to their sentence', () => {
    expect(snap(seed, 'lower share')).toBe(
      'Given that Hong Kong is spending a lower share of its gross domestic product on R&D and that these resources are spread across multiple fields, the city is less likely to achieve breakthroughs in these areas.',
    );
  });

  it('covers every sentence the selection touches, and stops at the paragraph', () => {
    const text = 'First one here. Second one there. Third.\nNext paragraph.';
    expect(snap(text, 'here. Second')).toBe('First one here. Second one there.');
    expect(snap(text, 'Third.')).toBe('Third.');
  });

  it('does not break after titles and abbreviations', () => {
    const text = 'Officials met Mr. Sit on Monday. Dr. Wong agreed, e.g. on data.';
    expect(sentencesAround(text, 0).map((s) => text.slice(s.start, s.end))).toEqual(['Officials met Mr. Sit on Monday.', 'Dr. Wong agreed, e.g. on data.']);
  });

  it('keeps curly quotes and en dashes inside the sentence', () => {
    expect(snap(seed, 'involution')).toBe('The warning highlights the risk of “involution” or vicious competition, especially if Hong Kong simply takes “industrial diversification” to mean following mainland trends.');
  });

  it('only trims a selection that spans paragraphs', () => {
    const text = 'One. Two.\nThree. Four.';
    const span = snapToSentences(text, 5, 17);
    expect(text.slice(span.start, span.end)).toBe('Two.\nThree.');
    expect(trimSpan('  x  ', 0, 5)).toEqual({ start: 2, end: 3 });
  });
});
