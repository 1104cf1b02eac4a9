import { describe, expect, it } from 'vitest';
import { createAnchor, reanchorAll, reanchorByQuote, SHORT_QUOTE_MAX } from '../../../src/core/anchoring';

function anchorOf(text: string, quote: string, occurrence = 0) {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`no "${quote}"`);
  return createAnchor(text, at, at + quote.length);
}

const para =
  'The committee reviewed the housing plan in detail. Members raised concerns about the pace of construction ' +
  'and the cost to first-time buyers. The chair promised a second report before the summer recess.';

describe('reanchorByQuote (no old text)', () => {
  it('anchors a quote still at its stored position', () => {
    const a = anchorOf(para, 'housing plan');
    expect(reanchorByQuote(a, para)).toEqual({ status: 'anchored', anchor: a });
  });

  it('moves a quote that shifted and refreshes its selectors', () => {
    const a = anchorOf(para, 'cost to first-time buyers');
    const newer = 'Summary first. ' + para;
    const r = reanchorByQuote(a, newer);
    expect(r.status).toBe('moved');
    expect(r.anchor).toEqual(createAnchor(newer, a.start + 15, a.end + 15));
  });

  it('picks the repeated phrase whose context agrees', () => {
    const text = 'In 2019 the budget was cut. Later, in 2021 the budget was raised again. Finally the budget was frozen.';
    const a = anchorOf(text, 'the budget was', 1); // "... 2021 the budget was raised"
    const newer = 'Preface added here. ' + text.replace('Finally', 'In the end,');
    const r = reanchorByQuote(a, newer);
    expect(r.status).toBe('moved');
    expect(newer.slice(r.anchor.start - 5, r.anchor.end + 7)).toBe('2021 the budget was raised');
  });

  it('is ambiguous when repeated passages cannot be told apart', () => {
    const block = 'This clause is repeated verbatim in several places of the document, word for word, twice over.';
    const text = `Intro.\n${block}\n${block}\n${block}\nEnd.\n`;
    const second = text.indexOf(block, 10) + block.indexOf('verbatim');
    const a = createAnchor(text, second, second + 'verbatim'.length);
    const r = reanchorByQuote(a, 'A new first line.\n' + text);
    expect(r.status).toBe('ambiguous');
    // The first copy follows "Intro." instead of another copy, so its context differs: two remain.
    const copies = [1, 2].map((k) => 18 + text.indexOf(block, 10 + (k - 1) * (block.length + 1)) + block.indexOf('verbatim'));
    expect(r.candidates?.map((c) => c.start).sort((x, y) => x - y)).toEqual(copies);
    expect(r.candidates?.[0].score).toBe(r.candidates?.[1].score);
  });

  it('tells repeated passages apart by where the document starts', () => {
    const block = 'This clause is repeated verbatim in two places.';
    const text = `${block}\n${block}\n`;
    const a = createAnchor(text, 5, 11); // "clause" in the first copy, 5 units from the start
    const r = reanchorByQuote(a, text.replace(/This/g, 'Thus the'));
    expect(r).toMatchObject({ status: 'moved', anchor: { start: 9, exact: 'clause' } });
  });

  it('fuzzy-matches an edited quote, reporting old and new text', () => {
    const a = anchorOf(para, 'Members raised concerns about the pace of construction');
    const newer = para.replace('raised concerns', 'voiced concerns');
    const r = reanchorByQuote(a, newer);
    expect(r.status).toBe('fuzzy');
    expect(r.was).toBe('Members raised concerns about the pace of construction');
    expect(r.anchor.exact).toBe('Members voiced concerns about the pace of construction');
  });

  it('prefers an edited copy in place over an exact copy with different context', () => {
    const text = 'Section one: the plan will reduce emissions by half. Section two is about transport.';
    const a = anchorOf(text, 'the plan will reduce emissions');
    const newer = 'Section one: the plan would reduce emissions by half. Section two is about transport. ' +
      'Appendix: critics doubt that the plan will reduce emissions at all.';
    const r = reanchorByQuote(a, newer);
    expect(r).toMatchObject({ status: 'fuzzy', was: 'the plan will reduce emissions', anchor: { start: 13, exact: 'the plan would reduce emissions' } });
  });

  it('orphans a deleted quote instead of landing on unrelated words', () => {
    const a = anchorOf(para, 'The chair promised a second report');
    const newer = para.replace(' The chair promised a second report before the summer recess.', '');
    const r = reanchorByQuote(a, newer);
    expect(r.status).toBe('orphaned');
    expect(r.anchor).toBe(a);
  });

  it('matches very short quotes exactly only, and only with agreeing context', () => {
    expect(SHORT_QUOTE_MAX).toBe(3);
    const text = 'Vote: yes. Reason: no. Other: yes.';
    const a = anchorOf(text, 'no');
    // moved by a prefix: found with its context
    expect(reanchorByQuote(a, '>> ' + text)).toMatchObject({ status: 'moved', anchor: { start: a.start + 3 } });
    // edited into "nah": a 2-letter quote is never fuzzy-matched
    expect(reanchorByQuote(a, text.replace('no.', 'nah.')).status).toBe('orphaned');
  });

  it('handles long quotes (over 32 units) with an edit inside', () => {
    const long = para.slice(0, 150);
    const a = createAnchor(para, 0, 150);
    const newer = 'Intro. ' + para.replace('in detail', 'carefully');
    const r = reanchorByQuote(a, newer);
    expect(r.status).toBe('fuzzy');
    expect(r.was).toBe(long);
    expect(r.anchor.start).toBe(7);
  });

  it('works on non-BMP text, NBSP and curly quotes', () => {
    const text = 'He said “ok\u00a0then” 😀 and left 𠀀 quickly – or slowly.';
    const a = anchorOf(text, '“ok\u00a0then” 😀');
    const newer = 'Note: ' + text;
    expect(reanchorByQuote(a, newer)).toMatchObject({ status: 'moved', anchor: { exact: '“ok\u00a0then” 😀' } });
    const edited = newer.replace('then', 'than');
    const r = reanchorByQuote(a, edited);
    expect(r.status).toBe('fuzzy');
    expect(r.anchor.exact).toContain('than');
  });
});

describe('reanchorAll without old text', () => {
  it('uses the shift of neighbours as the expected position', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Sentence ${i} repeats a phrase here.`).join(' ');
    const anchors = [5, 20, 40].map((i) => anchorOf(text, `Sentence ${i} repeats`));
    const newer = 'Inserted at the very top. ' + text;
    const results = reanchorAll(anchors, newer);
    expect(results.map((r) => r.status)).toEqual(['moved', 'moved', 'moved']);
    results.forEach((r, k) => expect(r.anchor.start).toBe(anchors[k].start + 26));
  });
});
