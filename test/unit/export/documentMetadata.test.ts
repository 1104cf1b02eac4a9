import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportQdpx, exportW3c } from '../../../src/core/export';
import { annotationMustProblems } from '../../../src/core/import/w3cMusts';
import { referenceCorpus } from './referenceCorpus';

// The reference corpus carries document metadata (annotations/seeds/*.yaml): every export carries it too.
const DOC = 'seeds/002_da90e588b2ada6c6.txt';

describe('document metadata in the exports', () => {
  const corpus = referenceCorpus();

  it('W3C: the target source of each annotation is the document with its Dublin Core properties, and still valid', () => {
    const items = JSON.parse(exportW3c(corpus, { shape: 'array' })) as Array<Record<string, unknown>>;
    const ofDoc = items.filter((a) => String(a.id).includes('002_da90e588b2ada6c6'));
    expect(ofDoc.length).toBeGreaterThan(0);
    const targets = ofDoc[0].target as Array<Record<string, unknown>> | Record<string, unknown>;
    const span = (Array.isArray(targets) ? targets : [targets]).find((t) => typeof t === 'object' && 'selector' in t)!;
    expect(span.source).toEqual({
      id: `urn:policy-annotator:${DOC}`,
      type: 'Text',
      format: 'text/plain',
      language: 'en',
      'dc:title': "Setting Hong Kong's reindustrialization drive on the right track",
      'dc:creator': 'Hendrick Sin',
      'dc:publisher': 'China Daily',
      'dcterms:issued': '2023-10-16',
      'dc:type': 'op-ed',
    });
    for (const a of items) expect(annotationMustProblems(a as never, false)).toEqual([]);
  });

  it('CSV: document_* columns repeat the metadata on each of the document’s rows', () => {
    const [header, ...rows] = exportCsv(corpus, { keepFormulas: true }).trimEnd().split('\r\n').map((r) => r.split(','));
    expect(header.slice(-7)).toEqual(['document_title', 'document_authors', 'document_publisher', 'document_published', 'document_url', 'document_type', 'document_language']);
    const row = rows.find((r) => r[0] === DOC)!;
    expect(row.slice(-6)).toEqual(['Hendrick Sin', 'China Daily', '2023-10-16', '', 'op-ed', 'en']);
  });

  it('REFI-QDA: project Variables, and each TextSource gives its values', () => {
    const qde = new TextDecoder().decode(unzipSync(exportQdpx(corpus).bytes)['project.qde']);
    expect(qde).toMatch(/<Variables>\s*<Variable guid="[^"]+" name="document title" typeOfVariable="Text">/);
    const source = qde.slice(qde.indexOf(`name="${DOC}"`), qde.indexOf('</TextSource>', qde.indexOf(`name="${DOC}"`)));
    expect(source).toMatch(/<VariableValue>\s*<VariableRef targetGUID="[^"]+"\/>\s*<TextValue>China Daily<\/TextValue>\s*<\/VariableValue>/);
    expect(source).toContain('<TextValue>2023-10-16</TextValue>');
  });
});
