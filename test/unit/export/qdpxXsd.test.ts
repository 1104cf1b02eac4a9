import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { exportQdpx } from '../../../src/core/export';
import { codePointSlice, fixtureCorpus } from './fixtureCorpus';
import { referenceCorpus } from './referenceCorpus';

// Every .qdpx the export writes validates against the official REFI-QDA Project.xsd (vendored in
// test/fixtures/standards, see its README), with libxml2's xmllint compiled to WebAssembly (xmllint-wasm:
// offline, no system package), and its selections select the annotated characters.

const XSD = readFileSync(join(__dirname, '..', '..', 'fixtures', 'standards', 'refi-qda', 'Project.xsd'), 'utf8');

async function xsdErrors(qde: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'project.qde', contents: qde }], schema: [XSD] });
  return result.errors.map((e) => e.rawMessage);
}

describe('REFI-QDA export against the official Project.xsd', () => {
  it('the validator rejects a project that breaks the schema (the check can fail)', async () => {
    const broken = exportQdpx(fixtureCorpus()).projectXml.replace('<CodeBook>', '<CodeBook><Unknown/>');
    expect((await xsdErrors(broken)).length).toBeGreaterThan(0);
  });

  for (const [name, corpus] of [
    ['the export fixture corpus (text outside the BMP, CRLF, an orphan)', fixtureCorpus()],
    ['the reference corpus', referenceCorpus()],
  ] as const) {
    it(`${name}: project.qde is valid, and every selection selects its annotation's characters`, async () => {
      const result = exportQdpx(corpus);
      const files = unzipSync(result.bytes);
      const qde = new TextDecoder().decode(files['project.qde']);
      expect(await xsdErrors(qde)).toEqual([]);
      let checked = 0;
      for (const doc of corpus.documents) {
        const source = new RegExp(`<TextSource guid="([^"]+)" name="${doc.path}" plainTextPath="internal://([^"]+)">`).exec(qde)!;
        const text = new TextDecoder().decode(files[`Sources/${source[2]}`]);
        expect(text).toBe(doc.text);
        for (const a of doc.sidecar.annotations) {
          const m = new RegExp(`<PlainTextSelection guid="[^"]+" name="${a.kind} ${a.id}" startPosition="(\\d+)" endPosition="(\\d+)"`).exec(qde);
          if (!m) continue;
          expect(codePointSlice(text, Number(m[1]), Number(m[2]))).toBe(a.anchor.exact);
          checked++;
        }
      }
      expect(checked).toBe(corpus.documents.reduce((n, d) => n + d.sidecar.annotations.length, 0) - result.skipped.length);
      if (name === 'the reference corpus') expect([checked, result.skipped.length]).toEqual([240, 0]);
    });
  }
});
