// Golden-ish checks on the real seed documents (curly quotes, en dashes, NBSP-only lines).
import { describe, expect, it } from 'vitest';
import { createAnchor, reanchorAll, type AnchorResult } from '../../../src/core/anchoring';
import type { Anchor } from '../../../src/core/model';
import { SEEDS } from './propertyHelpers';

const doc0 = SEEDS[0]; // "Can Hong Kong afford to jump on the mainland Chinese tech bandwagon?"
const doc1 = SEEDS[1]; // has NBSP-only lines

function quote(text: string, q: string): Anchor {
  const at = text.indexOf(q);
  if (at < 0) throw new Error(`missing: ${q}`);
  expect(text.indexOf(q, at + 1)).toBe(-1);
  return createAnchor(text, at, at + q.length);
}

/** Runs both paths; the diff path must give `diff`, the quote path `quote` (defaults to the same). */
function both(anchor: Anchor, newText: string, oldText: string): { diff: AnchorResult; quote: AnchorResult } {
  return { diff: reanchorAll([anchor], newText, oldText)[0], quote: reanchorAll([anchor], newText)[0] };
}

describe('seed documents', () => {
  const sentence = 'Xi’s question – of whether all provinces in the country have to develop the same few industries – might also be asked of Hong Kong.';
  const claim = 'the risk of “involution” or vicious competition';

  it('the seeds contain what these tests rely on', () => {
    expect(doc0).toContain(sentence);
    expect(doc0).toContain(claim);
    expect(doc1.split('\n').some((l) => l.length > 0 && /^\u00a0+$/.test(l))).toBe(true);
  });

  it('moves both anchors when a sentence is inserted before them', () => {
    const anchors = [quote(doc0, sentence), quote(doc0, claim)];
    const inserted = 'Editor’s note: this piece was updated.\n';
    const newer = inserted + doc0;
    for (const results of [reanchorAll(anchors, newer, doc0), reanchorAll(anchors, newer)]) {
      expect(results.map((r) => r.status)).toEqual(['moved', 'moved']);
      results.forEach((r, k) => {
        expect(r.anchor.start).toBe(anchors[k].start + inserted.length);
        expect(r.anchor.exact).toBe(anchors[k].exact);
      });
    }
  });

  it('a paragraph reformatted (spaces turned into newlines) stays anchored on its words, with and without history', () => {
    const a = quote(doc0, sentence);
    const reflowed = doc0.replace(sentence, sentence.replace(/ /g, '\n'));
    const { diff, quote: q } = both(a, reflowed, doc0);
    for (const r of [diff, q]) {
      expect(r.status).toBe('anchored');
      expect(r.was).toBeUndefined();
      expect(r.anchor.start).toBe(a.start);
      expect(r.anchor.exact).toBe(sentence.replace(/ /g, '\n'));
    }
  });

  it('a word changed inside the quote is fuzzy at the same place', () => {
    const a = quote(doc0, claim);
    const edited = doc0.replace(claim, claim.replace('vicious', 'cut-throat'));
    const { diff, quote: q } = both(a, edited, doc0);
    for (const r of [diff, q]) {
      expect(r).toMatchObject({ status: 'fuzzy', was: claim, anchor: { start: a.start, exact: 'the risk of “involution” or cut-throat competition' } });
    }
  });

  it('a quote whose sentence was deleted is orphaned with its old anchor', () => {
    const a = quote(doc0, sentence);
    const without = doc0.replace(sentence + '\n', '');
    const { diff, quote: q } = both(a, without, doc0);
    expect(diff).toEqual({ status: 'orphaned', anchor: a });
    expect(q).toEqual({ status: 'orphaned', anchor: a });
  });

  it('keeps every anchor of a seed when the file is saved with CRLF and a BOM, once normalised', async () => {
    const { OffsetMap } = await import('../../../src/core/anchoring');
    const words = [...doc1.matchAll(/\S+/g)].filter((_, i) => i % 17 === 0);
    const anchors = words.map((m) => createAnchor(doc1, m.index ?? 0, (m.index ?? 0) + m[0].length));
    const raw = '\uFEFF' + doc1.replace(/\n/g, '\r\n');
    const map = new OffsetMap(raw);
    expect(map.text).toBe(doc1);
    const results = reanchorAll(anchors, map.text, doc1);
    expect(results.every((r) => r.status === 'anchored')).toBe(true);
    // The adapter's document offsets (CRLF counted as two) round-trip.
    for (const a of anchors) {
      const s = map.toRaw(a.start);
      expect(raw.slice(s, map.toRaw(a.end))).toBe(a.exact);
    }
  });
});
