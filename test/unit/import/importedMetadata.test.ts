import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { metadataFromW3cSource } from '../../../src/core/import/importedMetadata';
import { parseW3c } from '../../../src/core/import/w3cImport';
import { exportAnnotations, importAnnotations } from '../../../src/core/services';
import { REFERENCE_ROOT } from '../export/referenceCorpus';

// Document metadata read back by the imports, and what happens when the sidecar already has a field.

const DOC = 'seeds/000_d3c97eb98561e2fd.txt';

describe('metadata in a W3C target source', () => {
  it('reads the Dublin Core terms our export writes, authors as a list', () => {
    const warnings: never[] = [];
    const source = { id: 'x', type: 'Text', language: 'en', 'dc:title': 'T', 'dc:creator': ['A', 'B'], 'dc:publisher': 'P', 'dcterms:issued': '2025-07', 'dc:type': 'letter', via: 'https://example.org/a' };
    expect(metadataFromW3cSource(source, 'f', warnings)).toEqual({ title: 'T', authors: ['A', 'B'], publisher: 'P', published: '2025-07', url: 'https://example.org/a', type: 'letter', language: 'en' });
    expect(metadataFromW3cSource('https://example.org/doc', 'f', warnings)).toBeUndefined();
  });

  it('leaves out a value the sidecar schema refuses, with a warning naming it', () => {
    const text = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:a', type: 'Annotation', target: { source: { id: DOC, 'dc:title': 'T', 'dc:type': 'blog post', 'dcterms:issued': 'July 2025' }, selector: { type: 'TextQuoteSelector', exact: 'Hong Kong' } } });
    const parsed = parseW3c(text, 'in.jsonld', { documentPaths: [DOC] });
    expect(parsed.metadata).toEqual([{ document: DOC, origin: 'in.jsonld:1', metadata: { title: 'T' } }]);
    expect(parsed.warnings.map((w) => w.reason)).toEqual(["document published 'July 2025' is not valid sidecar metadata: left out", "document type 'blog post' is not valid sidecar metadata: left out"]);
  });
});

describe('importing metadata into a sidecar that has some', () => {
  for (const format of ['w3c', 'qdpx'] as const) {
    it(`${format}: keeps the sidecar's differing title with a warning, and adds the field it lacks`, async () => {
      const root = mkdtempSync(join(tmpdir(), 'pa-metadata-'));
      onTestFinished(() => rmSync(root, { recursive: true, force: true }));
      for (const dir of ['seeds', 'annotations']) cpSync(join(REFERENCE_ROOT, dir), join(root, dir), { recursive: true });
      const out = `out.${format}`;
      expect((await exportAnnotations({ root, annotationsFolder: 'annotations', format, out, paths: [DOC] })).ok).toBe(true);
      // The user retitled the document and has no URL: no annotations, so the import only adds.
      const sidecar = join(root, 'annotations', `${DOC}.yaml`);
      const fingerprint = /fingerprint: \w+/.exec(readFileSync(sidecar, 'utf8'))![0];
      writeFileSync(sidecar, `schemaVersion: 1\ndocument: ${DOC}\n${fingerprint}\nmetadata:\n  title: My own title\n  type: letter\nannotations: []\n`);
      const dry = await importAnnotations({ root, annotationsFolder: 'annotations', format, files: [out], dryRun: true });
      expect(dry.documents[0].outcome).toContain('metadata publisher, published, url, language added');
      expect(readFileSync(sidecar, 'utf8')).not.toContain('publisher');
      const result = await importAnnotations({ root, annotationsFolder: 'annotations', format, files: [out] });
      expect(result.warnings.map((w) => w.reason)).toContainEqual(`document title of ${DOC} kept as in its sidecar ("My own title"); the file says "Can Hong Kong afford to jump on the mainland Chinese tech bandwagon?"`);
      const text = readFileSync(sidecar, 'utf8');
      expect(text).toContain('title: My own title\n  publisher: South China Morning Post\n  published: 2025-07\n  url: https://www.scmp.com/');
      expect(text).toContain('type: letter\n  language: en\n');
    });
  }
});
