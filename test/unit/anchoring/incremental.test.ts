import { describe, expect, it } from 'vitest';
import { applyChangesToText, applyEdit, applyEdits, createAnchor, resultForTrackedSpan } from '../../../src/core/anchoring';

// Span [10, 20) throughout.
const span = { start: 10, end: 20 };

describe('applyEdit', () => {
  it('shifts a span for an insertion or deletion before it', () => {
    expect(applyEdit(span, { start: 2, end: 2, text: 'abc' })).toEqual({ start: 13, end: 23 });
    expect(applyEdit(span, { start: 2, end: 6, text: '' })).toEqual({ start: 6, end: 16 });
    expect(applyEdit(span, { start: 2, end: 10, text: 'x' })).toEqual({ start: 3, end: 13 });
  });
  it('keeps a span for a change after it', () => {
    expect(applyEdit(span, { start: 25, end: 30, text: 'abc' })).toBe(span);
  });
  it('does not extend the span for text inserted exactly at its start or end', () => {
    expect(applyEdit(span, { start: 10, end: 10, text: 'ab' })).toEqual({ start: 12, end: 22 });
    expect(applyEdit(span, { start: 20, end: 20, text: 'ab' })).toEqual(span);
  });
  it('stretches the span for typing strictly inside', () => {
    expect(applyEdit(span, { start: 11, end: 11, text: 'ab' })).toEqual({ start: 10, end: 22 });
    expect(applyEdit(span, { start: 19, end: 19, text: 'ab' })).toEqual({ start: 10, end: 22 });
  });
  it('shrinks the span when part of it is deleted', () => {
    expect(applyEdit(span, { start: 12, end: 15, text: '' })).toEqual({ start: 10, end: 17 });
    expect(applyEdit(span, { start: 5, end: 12, text: '' })).toEqual({ start: 5, end: 13 });
    expect(applyEdit(span, { start: 18, end: 25, text: '' })).toEqual({ start: 10, end: 18 });
  });
  it('keeps a replacement inside the span, outside when it reaches past an edge', () => {
    expect(applyEdit(span, { start: 10, end: 13, text: 'XY' })).toEqual({ start: 10, end: 19 });
    expect(applyEdit(span, { start: 17, end: 20, text: 'XY' })).toEqual({ start: 10, end: 19 });
    expect(applyEdit(span, { start: 5, end: 13, text: 'XY' })).toEqual({ start: 7, end: 14 });
    expect(applyEdit(span, { start: 17, end: 25, text: 'XY' })).toEqual({ start: 10, end: 17 });
  });
  it('returns undefined when all of the span is deleted or replaced', () => {
    expect(applyEdit(span, { start: 10, end: 20, text: '' })).toBeUndefined();
    expect(applyEdit(span, { start: 5, end: 25, text: 'new text' })).toBeUndefined();
    expect(applyEdit(span, { start: 10, end: 20, text: 'retyped' })).toBeUndefined();
  });
});

describe('applyEdits', () => {
  it('applies the changes of one event in order, each against the text left by the previous', () => {
    const text = '0123456789ABCDEFGHIJ';
    // Multi-cursor typing as VS Code reports it: bottom-most change first.
    const changes = [
      { start: 15, end: 15, text: '++' },
      { start: 5, end: 5, text: '--' },
    ];
    const spans = [
      { start: 6, end: 9 },
      { start: 12, end: 18 },
      { start: 0, end: 2 },
    ];
    const after = applyChangesToText(text, changes);
    const mapped = applyEdits(spans, changes);
    expect(after).toBe('01234--56789ABCDE++FGHIJ');
    expect(mapped.map((s) => s && after.slice(s.start, s.end))).toEqual(['678', 'CDE++FGH', '01']);
  });
  it('keeps deleted spans undefined and leaves untouched spans as they were', () => {
    const spans = [{ start: 0, end: 3 }, { start: 5, end: 8 }, undefined];
    const mapped = applyEdits(spans, [{ start: 0, end: 4, text: '' }, { start: 0, end: 0, text: 'x' }]);
    expect(mapped).toEqual([undefined, { start: 2, end: 5 }, undefined]);
    const same = applyEdits(spans, [{ start: 20, end: 20, text: 'x' }]);
    expect(same[0]).toBe(spans[0]);
  });
});

describe('resultForTrackedSpan', () => {
  const old = 'The council approved the budget.';
  const anchor = createAnchor(old, 4, 11); // "council"
  it('anchors, moves, fuzzes or orphans by the tracked span', () => {
    expect(resultForTrackedSpan(anchor, { start: 4, end: 11 }, old).status).toBe('anchored');
    const moved = 'So The council approved the budget.';
    expect(resultForTrackedSpan(anchor, { start: 7, end: 14 }, moved)).toMatchObject({ status: 'moved', anchor: { exact: 'council', start: 7 } });
    const edited = 'The counsel approved the budget.';
    expect(resultForTrackedSpan(anchor, { start: 4, end: 11 }, edited)).toMatchObject({ status: 'fuzzy', was: 'council', anchor: { exact: 'counsel' } });
    expect(resultForTrackedSpan(anchor, undefined, edited)).toEqual({ status: 'orphaned', anchor });
  });
});
