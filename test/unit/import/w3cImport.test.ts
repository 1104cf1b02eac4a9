import { describe, expect, it } from 'vitest';
import { exportW3c } from '../../../src/core/export';
import { parseW3c } from '../../../src/core/import/w3cImport';
import { placeDrafts, PlaceContext } from '../../../src/core/import/placeDrafts';
import { parseAnnotationRef } from '../../../src/core/model';
import { CORPUS_DOCUMENTS, fixtureCorpus } from '../export/fixtureCorpus';

const corpus = fixtureCorpus();
const texts = new Map(corpus.documents.map((d) => [d.path, d.text]));
const A = 'seeds/000_hong_kong_tech.txt';
const B = 'seeds/003_smart_city.txt';

function context(): PlaceContext {
  let n = 0;
  return { texts, takenIds: new Set(), defaultAuthor: 'Importer', now: '2026-12-01T00:00:00Z', newId: () => `new${String(++n).padStart(5, '0')}` };
}

function importJson(json: unknown, extra: Partial<Parameters<typeof parseW3c>[2]> = {}) {
  const parsed = parseW3c(JSON.stringify(json, null, 2), 'in.json', { documentPaths: CORPUS_DOCUMENTS, ...extra });
  const placed = placeDrafts(parsed.drafts, context());
  return { parsed, placed, all: [...placed.annotations.values()].flat() };
}

const note = (target: unknown, over: Record<string, unknown> = {}) => ({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://hypothes.is/a/1', type: 'Annotation', target, ...over });

describe('W3C import', () => {
  it('round-trips our own export: kinds, fields, links and anchors come back (with new ids)', () => {
    const { parsed, placed } = importJson(JSON.parse(exportW3c(corpus)));
    expect(parsed.failures).toEqual([]);
    expect(placed.failures).toEqual([{ origin: expect.stringMatching(/^in\.json:\d+$/), sourceId: `urn:policy-annotator:${A}#q1w2e3r4`, reason: `"a sentence that was deleted" in ${A} was not found` }]);
    const originals = corpus.documents.flatMap((d) => d.sidecar.annotations.filter((a) => a.id !== 'q1w2e3r4').map((a) => ({ doc: d.path, a })));
    const imported = [...placed.annotations].flatMap(([doc, list]) => list.map((a) => ({ doc, a })));
    expect(imported.length).toBe(originals.length);
    const newId = new Map<string, string>();
    for (const o of originals) newId.set(o.a.id, imported.find((i) => i.doc === o.doc && i.a.anchor.start === o.a.anchor.start && i.a.kind === o.a.kind)!.a.id);
    const rename = (ref: string) => {
      const parsedRef = parseAnnotationRef(ref);
      return parsedRef ? `${parsedRef.document ?? ''}#${newId.get(parsedRef.id)}` : ref;
    };
    for (const o of originals) {
      const got = imported.find((i) => i.a.id === newId.get(o.a.id))!.a as unknown as Record<string, unknown>;
      const want: Record<string, unknown> = { ...o.a, id: got.id };
      delete want.review;
      for (const key of ['target', 'from', 'to']) if (typeof want[key] === 'string') want[key] = rename(want[key] as string);
      expect(got, o.a.id).toEqual(want);
    }
  });

  it('imports other tools’ annotations as notes, finding the document from a file URL', () => {
    const { placed, all } = importJson([
      note(
        { source: 'file:///home/someone/corpus/seeds/003_smart_city.txt', selector: [{ type: 'TextQuoteSelector', exact: 'healthcare', prefix: 'such as transport and ', suffix: '.' }] },
        { bodyValue: 'Why only these two?', creator: { type: 'Person', nickname: 'hyp-user' }, created: '2026-10-01T09:00:00Z' },
      ),
      note(
        { source: 'https://example.org/seeds/000_hong_kong_tech.txt', selector: { type: 'TextPositionSelector', start: 492, end: 500 } },
        { id: 'https://hypothes.is/a/2', motivation: 'tagging', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'unicode' }, { type: 'TextualBody', purpose: 'commenting', value: 'A lift.' }] },
      ),
    ]);
    expect(placed.failures).toEqual([]);
    expect(all.map((a) => [a.kind, a.anchor.exact, a.note, a.tags, a.author, a.created])).toEqual([
      ['note', 'healthcare', 'Why only these two?', undefined, 'hyp-user', '2026-10-01T09:00:00Z'],
      ['note', '𨋢 (lift)', 'A lift.', ['unicode'], 'Importer', '2026-12-01T00:00:00Z'],
    ]);
    // Code points 492-500 are UTF-16 units 493-502: the character before is outside the BMP.
    expect(all[1].anchor.start).toBe(texts.get(A)!.indexOf('𨋢'));
  });

  it('finds a quote by its context when its position is stale, and marks an approximate match for review', () => {
    const text = texts.get(B)!;
    const start = [...text].length - 20;
    const { placed, all } = importJson([
      note({ source: B, selector: [{ type: 'TextQuoteSelector', exact: '“big data”', prefix: 'merely saying that ', suffix: ' will be used' }, { type: 'TextPositionSelector', start, end: start + 10 }] }),
      note({ source: B, selector: { type: 'TextQuoteSelector', exact: 'merely saying that “big data” will be usd in policy formulation', prefix: 'details of the partnership, ', suffix: ' and improvement of public' } }, { id: 'x:2' }),
    ]);
    expect(placed.failures).toEqual([]);
    expect(all[0].anchor.exact).toBe('“big data”');
    expect(all[0].review).toBeUndefined();
    expect(all[1].review).toEqual({ status: 'fuzzy', was: 'merely saying that “big data” will be usd in policy formulation' });
    expect(placed.warnings).toEqual([{ origin: 'in.json:25', reason: expect.stringMatching(/matched only approximately .*: imported, marked for review$/) }]);
  });

  it('reports, per annotation, what could not be imported and why', () => {
    const { parsed, placed } = importJson([
      note({ source: 'https://example.org/elsewhere.txt', selector: { type: 'TextQuoteSelector', exact: 'x' } }, { id: 'x:1' }),
      note({ source: B, selector: { type: 'TextQuoteSelector', exact: 'Hong Kong officials are missing the big picture' } }, { id: 'x:2' }),
      note({ source: B, selector: { type: 'TextQuoteSelector', exact: 'not in the text at all, anywhere' } }, { id: 'x:3' }),
      note({ source: B, selector: { type: 'TextPositionSelector', start: 5, end: 99999 } }, { id: 'x:4' }),
      note({ source: B, selector: { type: 'FragmentSelector', value: 'page=3' } }, { id: 'x:5' }),
      note('https://example.org/just-an-iri', { id: 'x:6' }),
    ]);
    const reasons = [...parsed.failures, ...placed.failures].sort((a, b) => a.origin.localeCompare(b.origin, 'en', { numeric: true })).map((f) => f.reason);
    expect(reasons).toEqual([
      "no workspace document matches source 'https://example.org/elsewhere.txt' (use --document)",
      `"Hong Kong officials are missing the big picture" in ${B} matches 2 places equally well: give its position or a prefix and suffix`,
      `"not in the text at all, anywhere" in ${B} was not found`,
      expect.stringMatching(/^position 5-99999 is outside the document \(\d+ characters\)$/),
      'its target has neither a TextQuoteSelector nor a TextPositionSelector',
      'no target with a source and selectors',
    ]);
  });

  it('reads pages and collections, and rejects files that are not annotations', () => {
    const page = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'x:p', type: 'AnnotationPage', items: [note({ source: B, selector: { type: 'TextQuoteSelector', exact: 'healthcare' } })] };
    expect(importJson(page).all.length).toBe(1);
    expect(parseW3c('{"not": "json"', 'x.json', { documentPaths: [] }).failures[0].reason).toMatch(/^not JSON: /);
    expect(parseW3c('{"type": "AnnotationCollection", "first": "https://example.org/page1"}', 'x.json', { documentPaths: [] }).failures[0].reason).toMatch(/pages are not embedded/);
    expect(parseW3c('{"hello": 1}', 'x.json', { documentPaths: [] }).failures[0].reason).toMatch(/^no annotations found/);
  });

  it('sends everything to --document when given', () => {
    const { all } = importJson([note({ source: 'urn:x:whatever', selector: { type: 'TextQuoteSelector', exact: 'healthcare' } })], { document: B });
    expect(all.length).toBe(1);
  });
});

