// Property: on random catalogues and texts the entity index finds exactly the mentions the
// reference (one RegExp per alias spelling out folding, case and boundary rules, then
// leftmost-longest) finds. Words come from a small vocabulary so aliases overlap, nest and share
// prefixes; texts write them in other cases, with curly quotes, dashes, NBSP, line breaks,
// non-ASCII letters (ß, İ, Σ/ς, the Kelvin sign) and astral characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEntityIndex, type Catalogue } from '../../../src/core/entities/index';
import { referenceScan } from './referenceMatcher';

const WORDS = ['hong', 'kong', 'Hong', 'HK', 'GBA', 'gba', 'Bay', 'bay', 'Area', 'Xi', 'xi', 'sit', 'Sit', 'Situation', 'Straße', 'İstanbul', 'ΣΟΦΙΑ', 'σοφία', 'Kelvin', 'e', 'I', 'T', '𠀀', '𠀀x', 'a1', '5G', 'café', 'cafe\u0301', 'RAISe+', 'U.S.', '(GZ)'];
const JOINS = [' ', ' ', ' ', '-', '', '&', '’', "'"];
const SEPARATORS = [' ', ' ', '  ', '\n', '\u00a0', ', ', '. ', '’s ', '“', '”', ' – ', '-', '—', '\u200b', '(', ')', '', 'x', 'é', '𠀀', '_'];

const word = fc.constantFrom(...WORDS);
const alias = fc
  .tuple(word, fc.array(fc.tuple(fc.constantFrom(...JOINS), word), { maxLength: 2 }))
  .map(([w, rest]) => w + rest.map(([j, x]) => j + x).join(''));
const catalogue: fc.Arbitrary<Catalogue> = fc
  .array(fc.tuple(alias, fc.array(alias, { maxLength: 2 })), { minLength: 1, maxLength: 8 })
  .map((list) => ({ entities: list.map(([name, aliases], i) => ({ id: `e${i}`, type: 'organisation' as const, name, aliases })) }));

/** A way of writing a word in the text: as is, upper, lower, capitalised, or with a quote or soft hyphen inside. */
const variant = fc.tuple(word, fc.integer({ min: 0, max: 6 })).map(([w, how]) => {
  const [first, ...rest] = [...w]; // by code point: never inside a surrogate pair
  switch (how) {
    case 1:
      return w.toUpperCase();
    case 2:
      return w.toLowerCase();
    case 3:
      return w[0].toUpperCase() + w.slice(1);
    case 4:
      return rest.length ? `${first}’${rest.join('')}` : w;
    case 5:
      return rest.length ? `${first}\u00ad${rest.join('')}` : w;
    default:
      return w;
  }
});
const text = fc.array(fc.tuple(variant, fc.constantFrom(...SEPARATORS)), { maxLength: 40 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('entity matcher against the RegExp reference', () => {
  it('finds exactly the same mentions on random catalogues and texts', () => {
    fc.assert(
      fc.property(catalogue, text, fc.array(alias, { maxLength: 3 }), (cat, t, extra) => {
        // Some texts are made of the catalogue's own aliases, so there is something to find.
        const written = `${t} ${cat.entities.flatMap((e) => [e.name, ...e.aliases]).join(' , ')} ${extra.join(' ')}`;
        const got = buildEntityIndex(cat)
          .scan(written)
          .map((m) => ({ start: m.start, end: m.end, entityId: m.entityId }));
        expect(got).toEqual(referenceScan(cat, written));
      }),
      { numRuns: Number(process.env.MATCHER_PROPERTY_RUNS ?? 200), seed: 20261206 },
    );
  });

  it('agrees on a worked example with overlaps, case and punctuation', () => {
    const cat: Catalogue = {
      entities: [
        { id: 'hk', type: 'place', name: 'Hong Kong', aliases: ['HK'] },
        { id: 'gba', type: 'place', name: 'Greater Bay Area', aliases: ['GBA', 'Hong Kong-Greater Bay Area'] },
        { id: 'sit', type: 'person', name: 'Sit', aliases: [] },
      ],
    };
    const t = 'HONG KONG’s “Hong\u00a0Kong–Greater Bay Area” hk Situation Sit’s sit';
    const ref = referenceScan(cat, t);
    expect(ref.map((m) => `${m.entityId}:${t.slice(m.start, m.end)}`)).toEqual(['hk:HONG KONG', 'gba:Hong\u00a0Kong–Greater Bay Area', 'sit:Sit']);
    expect(buildEntityIndex(cat).scan(t).map((m) => ({ start: m.start, end: m.end, entityId: m.entityId }))).toEqual(ref);
  });
});
