// An anchorless link through the exports that have no importer of their own (YAML, CSV) and through W3C
// export and import: the two annotations' IRIs as targets, every W3C MUST, and back as an anchorless link.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CSV_COLUMNS, exportCsv, exportW3c, exportYaml } from '../../../src/core/export';
import { parseW3c } from '../../../src/core/import/w3cImport';
import { placeDrafts } from '../../../src/core/import/placeDrafts';
import { AnchorlessLink } from '../../../src/core/model';
import { fixtureCorpus } from '../export/fixtureCorpus';
import { mustFailures } from '../export/w3cSuite';

function corpusWithLink() {
  const corpus = fixtureCorpus();
  const [one, two] = corpus.documents;
  const from = one.sidecar.annotations.find((a) => a.kind === 'claim')!;
  const to = two.sidecar.annotations.find((a) => a.kind === 'claim')!;
  const link: AnchorlessLink = { id: 'anch0001', kind: 'link', from: `#${from.id}`, to: `${two.path}#${to.id}`, relation: 'contradicts', tags: ['smart-city'], note: 'Opposite readings', author: 'Ada', created: '2026-11-22T10:00:00Z', modified: '2026-11-23T10:00:00Z' };
  one.sidecar.links = [link];
  return { corpus, one, two, from, to, link };
}

describe('anchorless links in YAML and CSV exports', () => {
  it('YAML: a links list on the document, ends made absolute, no anchor', () => {
    const { corpus, one, from, to, two } = corpusWithLink();
    const data = parse(exportYaml(corpus));
    const doc = data.documents.find((d: { path: string }) => d.path === one.path);
    expect(doc.links).toEqual([{ id: 'anch0001', ref: `${one.path}#anch0001`, kind: 'link', from: `${one.path}#${from.id}`, to: `${two.path}#${to.id}`, relation: 'contradicts', tags: ['smart-city'], note: 'Opposite readings', author: 'Ada', created: '2026-11-22T10:00:00Z', modified: '2026-11-23T10:00:00Z' }]);
    const fromEntry = doc.annotations.find((a: { id: string }) => a.id === from.id);
    expect(fromEntry.links.outgoing).toContainEqual({ link: `${one.path}#anch0001`, relation: 'contradicts', to: `${two.path}#${to.id}` });
    expect(data.documents.find((d: { path: string }) => d.path === two.path)).not.toHaveProperty('links');
  });

  it('CSV: one row with empty start, end and exact', () => {
    const { corpus, one, from, to, two } = corpusWithLink();
    const rows = exportCsv(corpus).split('\r\n').map((r) => r.split(','));
    const row = rows.find((r) => r[1] === 'anch0001')!;
    const cell = (column: string) => row[CSV_COLUMNS.indexOf(column)];
    expect([cell('document'), cell('kind'), cell('start'), cell('end'), cell('exact'), cell('from'), cell('to'), cell('relation'), cell('tags'), cell('note')]).toEqual([one.path, 'link', '', '', '', `${one.path}#${from.id}`, `${two.path}#${to.id}`, 'contradicts', 'smart-city', 'Opposite readings']);
    expect(row).toHaveLength(CSV_COLUMNS.length);
  });
});

describe('anchorless links in the W3C Web Annotation model', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'schemas', 'w3c-annotation.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);

  it('targets the two annotations by IRI, with the linking and relation bodies, and passes the MUSTs and the schema', () => {
    const { corpus, one, two, from, to } = corpusWithLink();
    const collection = JSON.parse(exportW3c(corpus));
    const item = collection.first.items.find((i: { id: string }) => i.id.endsWith('#anch0001'));
    const iri = (path: string, id: string) => `urn:policy-annotator:${path}#${id}`;
    expect(item.target).toEqual([iri(one.path, from.id), iri(two.path, to.id)]);
    expect(item.motivation).toBe('linking');
    expect(item.body.slice(0, 2)).toEqual([
      { type: 'SpecificResource', purpose: 'linking', source: iri(two.path, to.id) },
      { type: 'SpecificResource', purpose: 'classifying', source: 'urn:policy-annotator:vocab:relation:contradicts' },
    ]);
    expect(mustFailures('annotations/annotationMusts.test', item)).toEqual([]);
    expect(validate(item) ? [] : validate.errors).toEqual([]);
    expect(collection.total).toBe(13);
  });

  it('imports back as an anchorless link joining the same (new) annotations, with its fields', () => {
    const { corpus, one, from, to, link } = corpusWithLink();
    const text = exportW3c(corpus);
    const texts = new Map(corpus.documents.map((d) => [d.path, d.text]));
    const parsed = parseW3c(text, 'x.jsonld', { documentPaths: [...texts.keys()] });
    expect(parsed.failures).toEqual([]);
    let n = 0;
    const placed = placeDrafts(parsed.drafts, { texts, takenIds: new Set(), defaultAuthor: 'x', now: '2026-12-01T00:00:00Z', newId: () => `n${String(++n).padStart(7, '0')}` });
    // The fixture's orphaned note is not placed (its words are gone); nothing else fails.
    expect(placed.failures.map((f) => f.reason)).toEqual([expect.stringMatching(/a sentence that was deleted/)]);
    const [back] = placed.links.get(one.path)!;
    const byId = (id: string) => [...placed.annotations.values()].flat().find((a) => a.id === id);
    const end = (ref: string) => byId(ref.slice(ref.lastIndexOf('#') + 1)) as { label?: string } | undefined;
    expect(end(back.from)?.label).toBe(from.kind === 'claim' ? from.label : '');
    expect(end(back.to)?.label).toBe(to.kind === 'claim' ? to.label : '');
    const { id: _i, from: _f, to: _t, ...fields } = link;
    expect(back).toMatchObject(fields);
    expect(back).not.toHaveProperty('anchor');
  });
});
