import { describe, expect, it } from 'vitest';
import { mergeAnnotations } from '../../../src/core/merge/mergeAnnotations';
import { Annotation, Note } from '../../../src/core/model';

const note = (id: string, text = 'n', start = 0): Note => ({
  id,
  kind: 'note',
  anchor: { exact: 'x', prefix: '', suffix: '', start, end: start + 1 },
  note: text,
  author: 'a',
  created: '2026-01-01T00:00:00Z',
  modified: '2026-01-01T00:00:00Z',
});
const ids = (list: Annotation[]) => list.map((a) => a.id).sort();

describe('mergeAnnotations', () => {
  it('keeps additions from both sides', () => {
    const base = [note('aaa')];
    expect(ids(mergeAnnotations(base, [...base, note('bbb')], [...base, note('ccc')]).annotations)).toEqual(['aaa', 'bbb', 'ccc']);
  });

  it('takes the one side that changed', () => {
    const merged = mergeAnnotations([note('aaa')], [note('aaa')], [note('aaa', 'theirs')]);
    expect(merged.annotations).toEqual([note('aaa', 'theirs')]);
    expect(merged.conflicts).toEqual([]);
  });

  it('applies a deletion when the other side did not change the annotation', () => {
    expect(mergeAnnotations([note('aaa'), note('bbb')], [note('aaa')], [note('aaa'), note('bbb')]).annotations).toEqual([note('aaa')]);
  });

  it('keeps ours with a conflict review when both changed the same annotation', () => {
    const merged = mergeAnnotations([note('aaa')], [note('aaa', 'ours')], [note('aaa', 'theirs')]);
    expect(merged.conflicts).toEqual(['aaa']);
    expect(merged.deletedEdited).toEqual([]);
    expect(merged.annotations[0]).toMatchObject({ note: 'ours', review: { status: 'conflict', reason: expect.stringContaining('note: "theirs"') } });
  });

  it('keeps a changed annotation that the other side deleted, for a person to decide', () => {
    const merged = mergeAnnotations([note('aaa')], [], [note('aaa', 'theirs')]);
    expect(merged.annotations[0]).toMatchObject({ note: 'theirs', review: { status: 'conflict' } });
  });

  it('applies a deletion against a copy that was only re-anchored (moved, or flagged by re-anchoring): deletions stick', () => {
    const moved = { ...note('aaa', 'n', 40), review: { status: 'fuzzy' as const, was: 'x' } };
    expect(mergeAnnotations([note('aaa')], [], [moved])).toEqual({ annotations: [], conflicts: [], deletedEdited: [] });
    expect(mergeAnnotations([note('aaa')], [moved], [])).toEqual({ annotations: [], conflicts: [], deletedEdited: [] });
  });

  it('names the deletion and the edited fields when one side deleted and the other edited', () => {
    const merged = mergeAnnotations([note('aaa')], [{ ...note('aaa', 'edited'), tags: ['t'] }], []);
    expect(merged.conflicts).toEqual(['aaa']);
    expect(merged.deletedEdited).toEqual(['aaa']);
    expect(merged.annotations[0].review).toEqual({ status: 'conflict', reason: 'deleted on their side, edited on ours (note, tags); kept the edited version: delete it again, or remove this review entry to keep it' });
  });

  it('ignores key order when comparing', () => {
    const reordered = Object.fromEntries(Object.entries(note('aaa')).reverse()) as unknown as Note;
    expect(mergeAnnotations([note('aaa')], [reordered], [note('aaa', 'theirs')]).conflicts).toEqual([]);
  });
});
