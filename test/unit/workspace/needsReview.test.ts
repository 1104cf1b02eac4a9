import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/core/model';
import { reviewReason } from '../../../src/core/workspace/needsReview';

const anchor = { exact: 'x', prefix: '', suffix: '', start: 0, end: 1 };
const common = { anchor, author: 'a', created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z' };
const link = (to: string): Annotation => ({ ...common, id: 'link0001', kind: 'link', from: '#claim001', to, relation: 'supports' });
const known = new Set(['a.txt#claim001', 'b.txt#claim002']);
const exists = (documentPath: string, id: string) => known.has(`${documentPath}#${id}`);

describe('reviewReason: the one meaning of "needs review"', () => {
  it('counts a link whose end does not exist, as the Needs Review view and the status bar both show', () => {
    expect(reviewReason(link('b.txt#claim002'), 'a.txt', 'anchored', exists)).toBeUndefined();
    expect(reviewReason(link('b.txt#gone0000'), 'a.txt', 'anchored', exists)).toBe('broken link: b.txt#gone0000 does not exist');
  });

  it('counts fuzzy, ambiguous, orphaned and conflicting anchors, and a review entry in the sidecar', () => {
    const note: Annotation = { ...common, id: 'note0001', kind: 'note', note: 'n' };
    for (const status of ['fuzzy', 'ambiguous', 'orphaned', 'conflict'] as const) expect(reviewReason(note, 'a.txt', status, exists)).toBe(status);
    expect(reviewReason(note, 'a.txt', 'moved', exists)).toBeUndefined();
    expect(reviewReason({ ...note, review: { status: 'fuzzy', reason: 'words changed' } }, 'a.txt', 'anchored', exists)).toBe('fuzzy: words changed');
  });
});
