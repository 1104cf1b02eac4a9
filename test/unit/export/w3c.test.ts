import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportW3c } from '../../../src/core/export';
import { expectGolden } from '../golden';
import { codePointSlice, expectedDir, fixtureCorpus } from './fixtureCorpus';

// The export is checked against schemas/w3c-annotation.schema.json, written from the W3C Web Annotation
// Data Model; the schema itself is checked against examples shaped like the specification's and
// against documents that break its MUSTs.

const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'schemas', 'w3c-annotation.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const corpus = fixtureCorpus();
const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type Json = Record<string, unknown>;
const valid = (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('W3C export', () => {
  const text = exportW3c(corpus);
  const collection = JSON.parse(text);
  const items: Json[] = collection.first.items;

  it('matches the golden file and validates against the W3C schema', () => {
    expectGolden(join(expectedDir, 'corpus.w3c.json'), text);
    expect(valid(collection)).toEqual([]);
    for (const item of items) expect(valid({ '@context': CONTEXT, ...item })).toEqual([]);
  });

  it('is an AnnotationCollection with every annotation in one embedded page', () => {
    expect(collection['@context']).toBe(CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(12);
    expect(items.length).toBe(12);
    expect(new Set(items.map((i) => i.id)).size).toBe(12);
  });

  it('uses the motivations and body shapes documented in w3cExport.ts', () => {
    const byId = Object.fromEntries(items.map((i) => [String(i.id).split('#')[1], i]));
    expect(byId.c5d6e7f8.motivation).toBe('classifying');
    expect(byId.c5d6e7f8.body).toEqual([
      { type: 'TextualBody', purpose: 'describing', value: 'Hong Kong should not copy mainland industrial policy', format: 'text/plain' },
      { type: 'SpecificResource', purpose: 'classifying', source: 'urn:policy-annotator:vocab:claim-type:normative' },
      { type: 'SpecificResource', purpose: 'identifying', source: 'urn:policy-annotator:vocab:author' },
      { type: 'TextualBody', purpose: 'tagging', value: 'industrial-policy', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'involution', format: 'text/plain' },
    ]);
    expect(byId.s3d4f5g6.motivation).toBe('assessing');
    expect((byId.s3d4f5g6.body as Json[]).slice(0, 3)).toEqual([
      { type: 'SpecificResource', purpose: 'classifying', source: 'urn:policy-annotator:vocab:polarity:oppose' },
      { type: 'SpecificResource', purpose: 'identifying', source: 'urn:policy-annotator:entities#hkej' },
      { type: 'TextualBody', purpose: 'describing', value: 'the smart city partnership', format: 'text/plain' },
    ]);
    expect(byId.n2b3v4c5.motivation).toBe('commenting');
    expect(byId.l9k8j7h6.motivation).toBe('linking');
    expect((byId.l9k8j7h6.target as unknown[])[0]).toBe('urn:policy-annotator:seeds/000_hong_kong_tech.txt#c5d6e7f8');
    expect((byId.l9k8j7h6.body as Json[])[0]).toEqual({ type: 'SpecificResource', purpose: 'linking', source: 'urn:policy-annotator:seeds/003_smart_city.txt#c0v9b8n7' });
    expect(byId.c1a2m3s4.creator).toEqual({ type: 'Person', name: 'Ada Researcher' });
  });

  it('counts TextPositionSelector positions in code points; an orphan gets the quote selector only', () => {
    for (const item of items) {
      const target = (Array.isArray(item.target) ? item.target.at(-1) : item.target) as Json;
      const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector]) as Json[];
      const quote = selectors.find((s) => s.type === 'TextQuoteSelector')!;
      const position = selectors.find((s) => s.type === 'TextPositionSelector');
      const doc = corpus.documents.find((d) => target.source === `urn:policy-annotator:${d.path}`)!;
      if (String(item.id).endsWith('#q1w2e3r4')) expect(position).toBeUndefined();
      else expect(codePointSlice(doc.text, position!.start as number, position!.end as number)).toBe(quote.exact);
    }
  });

  it('puts every IRI under the base IRI given', () => {
    const withBase = JSON.parse(exportW3c(corpus, { baseIri: 'https://example.org/repo/' }));
    expect(withBase.first.items[0].id).toBe('https://example.org/repo/seeds/000_hong_kong_tech.txt#q1w2e3r4');
    expect(valid(withBase)).toEqual([]);
    expect(valid(JSON.parse(exportW3c({ documents: [], entities: [] })))).toEqual([]);
  });
});

describe('the W3C schema', () => {
  const annotation = (over: Json = {}): Json => ({
    '@context': CONTEXT,
    id: 'http://example.org/anno5',
    type: 'Annotation',
    motivation: 'commenting',
    creator: { id: 'http://example.org/user1', type: 'Person', name: 'A. Person', nickname: 'pseudo' },
    created: '2015-01-28T12:00:00Z',
    body: { type: 'TextualBody', value: '<p>j\'adore !</p>', format: 'text/html', language: 'fr' },
    target: {
      source: 'http://example.org/page1',
      selector: [
        { type: 'TextQuoteSelector', exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' },
        { type: 'TextPositionSelector', start: 412, end: 795 },
      ],
    },
    ...over,
  });

  it('accepts annotations shaped like the specification examples', () => {
    expect(valid({ '@context': CONTEXT, id: 'http://example.org/anno1', type: 'Annotation', body: 'http://example.org/post1', target: 'http://example.com/page1' })).toEqual([]);
    expect(valid(annotation())).toEqual([]);
    expect(valid({ '@context': CONTEXT, id: 'http://example.org/anno2', type: 'Annotation', bodyValue: 'Comment text', target: 'http://example.org/target1' })).toEqual([]);
    expect(valid([annotation(), annotation({ id: 'http://example.org/anno6' })])).toEqual([]);
    expect(valid({ '@context': CONTEXT, id: 'http://example.org/page1', type: 'AnnotationPage', items: [annotation()] })).toEqual([]);
  });

  it('rejects what the model forbids', () => {
    const cases: Array<[string, unknown]> = [
      ['no target', annotation({ target: undefined })],
      ['no @context', { ...annotation(), '@context': undefined }],
      ['a wrong context', annotation({ '@context': 'http://schema.org' })],
      ['a wrong type', annotation({ type: 'Note' })],
      ['a relative id', annotation({ id: 'anno5' })],
      ['an unknown motivation', annotation({ motivation: 'liking' })],
      ['body and bodyValue both', annotation({ bodyValue: 'x' })],
      ['a TextualBody without value', annotation({ body: { type: 'TextualBody' } })],
      ['a quote selector without exact', annotation({ target: { source: 'http://example.org/p', selector: { type: 'TextQuoteSelector', prefix: 'x' } } })],
      ['a negative position', annotation({ target: { source: 'http://example.org/p', selector: { type: 'TextPositionSelector', start: -1, end: 3 } } })],
      ['a fractional position', annotation({ target: { source: 'http://example.org/p', selector: { type: 'TextPositionSelector', start: 1.5, end: 3 } } })],
      ['a specific resource without source', annotation({ target: { selector: { type: 'TextPositionSelector', start: 1, end: 3 } } })],
      ['a date without time zone', annotation({ created: '2015-01-28T12:00:00' })],
      ['an agent of an unknown type', annotation({ creator: { type: 'Robot', name: 'x' } })],
      ['a collection with annotations but no first page', { '@context': CONTEXT, id: 'http://example.org/c', type: 'AnnotationCollection', total: 3 }],
      ['a page without items', { '@context': CONTEXT, id: 'http://example.org/p1', type: 'AnnotationPage' }],
    ];
    for (const [name, doc] of cases) expect(validate(JSON.parse(JSON.stringify(doc))), name).toBe(false);
  });
});
