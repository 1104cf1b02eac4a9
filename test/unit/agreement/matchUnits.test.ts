import { describe, expect, it } from 'vitest';
import { characterAlpha, Coded, findDisagreement, matchUnits } from '../../../src/core/agreement';
import { Annotation } from '../../../src/core/model';

const note = (id: string, start: number, end: number, tags?: string[]): Annotation => ({
  id,
  kind: 'note',
  anchor: { exact: 'x'.repeat(end - start), prefix: '', suffix: '', start, end },
  author: 'a',
  created: '',
  modified: '',
  tags,
});
const coded = (annotator: number, a: Annotation): Coded => ({ annotator, document: 'd.txt', annotation: a });

describe('unit matching (exact span, then best IoU above the threshold, one-to-one)', () => {
  it('takes the exact span before a better-placed overlap, and never two annotations of one annotator', () => {
    const units = matchUnits([coded(0, note('a1', 0, 10)), coded(1, note('b1', 0, 10)), coded(1, note('b2', 1, 10)), coded(0, note('a2', 2, 11))]);
    const byId = (id: string) => units.find((u) => [...u.members.values()].some((a) => a.id === id))!;
    expect([...byId('a1').members.values()].map((a) => a.id).sort()).toEqual(['a1', 'b1']);
    // a2 [2,11) and b2 [1,10): IoU 8/10 = 0.8 ≥ 0.5, the remaining pair.
    expect([...byId('a2').members.values()].map((a) => a.id).sort()).toEqual(['a2', 'b2']);
  });

  it('keeps spans apart when their IoU is below the threshold', () => {
    // [0,10) and [6,20): overlap 4, union 20, IoU 0.2.
    expect(matchUnits([coded(0, note('a', 0, 10)), coded(1, note('b', 6, 20))])).toHaveLength(2);
    expect(matchUnits([coded(0, note('a', 0, 10)), coded(1, note('b', 6, 20))], 0.2)).toHaveLength(1);
  });

  it('calls a unit a disagreement when a member is missing or a field differs, and tags compare as sets', () => {
    const [same] = matchUnits([coded(0, note('a', 0, 10, ['x', 'y'])), coded(1, note('b', 0, 10, ['y', 'x']))]);
    expect(findDisagreement(same, 2)).toBeUndefined();
    expect(findDisagreement(same, 3)?.missing).toEqual([2]);
    const [differ] = matchUnits([coded(0, note('a', 0, 10, ['x'])), coded(1, note('b', 0, 10))]);
    expect(findDisagreement(differ, 2)?.fields.map((f) => [f.field, [...f.values.values()]])).toEqual([['tags', ['x', '(none)']]]);
  });
});

describe('character-level α', () => {
  it('is 1 for identical spans, lower for partial overlap, and weighs by characters', () => {
    expect(characterAlpha([{ length: 100, spans: [[[10, 20]], [[10, 20]]] }]).alpha).toBe(1);
    const partial = characterAlpha([{ length: 100, spans: [[[10, 20]], [[15, 25]]] }]);
    expect(partial.alpha!).toBeGreaterThan(0);
    expect(partial.alpha!).toBeLessThan(1);
    expect(partial.units).toBe(100);
    expect(partial.pairableValues).toBe(200);
  });
});
