// Quotes whose words are intact but whose layout changed: a Markdown table re-padded because a
// column grew, a paragraph re-wrapped. Without the old text (quote search) as with it (diff),
// they stay on their words instead of going fuzzy or orphaned.
import { describe, expect, it } from 'vitest';
import { createAnchor, reanchorAll, reanchorByQuote } from '../../../src/core/anchoring';
import { LooseText } from '../../../src/core/anchoring/quote/looseText';

const before = [
  '## Where the data is kept',
  '',
  '| Code | Country       | Retention |',
  '| ---- | ------------- | --------- |',
  '| US   | United States | 30 days   |',
  '| DE   | Germany       | 14 days   |',
  '| FR   | France        | 14 days   |',
  '',
  'Requests from a regulator are answered within ten working days of',
  'receipt, and the answer is logged.',
  '',
].join('\n');

// A longer country name widens the column: every row is re-padded, and the paragraph re-wrapped.
const after = [
  '## Where the data is kept',
  '',
  '| Code | Country                  | Retention |',
  '| ---- | ------------------------ | --------- |',
  '| US   | United States            | 30 days   |',
  '| GB   | United Kingdom of Britain | 30 days  |',
  '| DE   | Germany                  | 14 days   |',
  '| FR   | France                   | 14 days   |',
  '',
  'Requests from a regulator are answered within ten working',
  'days of receipt, and the answer is logged.',
  '',
].join('\n');

const spanOf = (text: string, quote: string) => {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`no ${quote}`);
  return createAnchor(text, at, at + quote.length);
};

describe('layout-insensitive matching', () => {
  const rows = ['| US   | United States | 30 days   |', '| DE   | Germany       | 14 days   |', 'States | 30'];
  const sentence = 'answered within ten working days of\nreceipt';

  it('finds re-padded table rows and a re-wrapped sentence without the old text', () => {
    const anchors = [...rows, sentence].map((q) => spanOf(before, q));
    const results = reanchorAll(anchors, after);
    const got = results.map((r) => [r.status, after.slice(r.anchor.start, r.anchor.end)]);
    expect(got).toEqual([
      // A row was inserted right after it: one side of its context is foreign, but its words
      // occur once, and nothing of its old surroundings stands elsewhere.
      ['moved', '| US   | United States            | 30 days   |'],
      ['moved', '| DE   | Germany                  | 14 days   |'],
      ['moved', 'States            | 30'],
      ['moved', 'answered within ten working\ndays of receipt'],
    ]);
    for (const r of results) expect(r.anchor).toEqual(createAnchor(after, r.anchor.start, r.anchor.end));
  });

  it('gives the same places with the old text (diff), where the inserted row does not matter', () => {
    const anchors = [...rows, sentence].map((q) => spanOf(before, q));
    const withHistory = reanchorAll(anchors, after, before);
    expect(withHistory.map((r) => r.status)).toEqual(['moved', 'moved', 'moved', 'moved']);
    expect(withHistory.map((r) => [r.anchor.start, r.anchor.end])).toEqual(reanchorAll(anchors, after).map((r) => [r.anchor.start, r.anchor.end]));
  });

  it('still reports two equally good re-padded rows as ambiguous, with both places', () => {
    const block = 'Retention periods for each country\n| FR | France | 14 days |\nRows are reviewed yearly by the data officer.\n';
    const doc = `Part one.\n${block}Part two.\n${block}`;
    const a = spanOf(doc, '| FR | France | 14 days |');
    const moved = 'A new first line.\n' + doc.replace(/\| FR \| France \| 14 days \|/g, '| FR  | France  | 14 days  |');
    const r = reanchorByQuote(a, moved);
    expect(r.status).toBe('ambiguous');
    expect(r.candidates?.map((c) => moved.slice(c.start, c.end))).toEqual(['| FR  | France  | 14 days  |', '| FR  | France  | 14 days  |']);
  });

  it('does not treat changed words as a layout change', () => {
    const a = spanOf(before, '| DE   | Germany       | 14 days   |');
    const r = reanchorByQuote(a, before.replace('| DE   | Germany       | 14 days   |', '| DE   | Germany       | 21 days   |'));
    expect(r.status).toBe('fuzzy');
  });

  it('projects runs of white space to one space and drops padding next to |', () => {
    const lt = new LooseText('a  b\n\nc |  d  |e');
    expect(lt.text).toBe('a b c|d|e');
    expect(lt.toOriginal(2, 3)).toEqual({ start: 3, end: 4 });
    expect(lt.toLoose(3)).toBe(2);
  });
});
