import { unzipSync } from 'fflate';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusRoot, expectedDir } from '../export/fixtureCorpus';
import { cli } from './runCliCapture';
import { editFile } from './tempRepo';

// The CLI loads and re-anchors the fixture corpus itself: its output must equal the core goldens.

function workspace(): { root: string; out: (name: string) => string } {
  const root = mkdtempSync(join(tmpdir(), 'pa-export-'));
  cpSync(corpusRoot, root, { recursive: true });
  return { root, out: (name) => join(root, name) };
}

describe('policy-annotator export', () => {
  it('writes each format as the core renders it, and reports what it did', async () => {
    const ws = workspace();
    for (const [format, golden] of [
      ['yaml', 'corpus.yaml'],
      ['w3c', 'corpus.w3c.json'],
      ['csv', 'corpus.csv'],
      ['qdc', 'codebook.qdc'],
    ] as const) {
      const result = await cli(ws.root, 'export', '--format', format, '--out', `out.${format}`);
      expect(result.code, result.err).toBe(0);
      expect(result.out).toBe(`exported 12 annotations from 2 documents as ${format} to out.${format}\n`);
      expect(readFileSync(ws.out(`out.${format}`), 'utf8')).toBe(readFileSync(join(expectedDir, golden), 'utf8'));
    }
    const qdpx = await cli(ws.root, 'export', '--format', 'qdpx', '--out', 'project.qdpx', '--json');
    expect(JSON.parse(qdpx.out)).toEqual({ format: 'qdpx', out: 'project.qdpx', documents: 2, annotations: 12, entities: 3, unplaced: ['seeds/000_hong_kong_tech.txt#q1w2e3r4'], lost: [], superseded: [] });
    const files = unzipSync(readFileSync(ws.out('project.qdpx')));
    expect(new TextDecoder().decode(files['project.qde'])).toBe(readFileSync(join(expectedDir, 'project.qde'), 'utf8'));
  });

  it("warns about annotations without a position, and '-' writes to standard output", async () => {
    const ws = workspace();
    const result = await cli(ws.root, 'export', '--format', 'csv', '--out', '-', 'annotations/seeds/000_hong_kong_tech.txt.yaml');
    expect(result.code).toBe(0);
    expect(result.out.split('\r\n').length).toBe(1 + 7 + 1);
    expect(result.err).toBe(
      'warning: seeds/000_hong_kong_tech.txt#q1w2e3r4: its words are not at its place in the document (needs review): exported without a position\n' +
        'exported 7 annotations from 1 document as csv to -\n',
    );
  });

  it('exports positions against the text as it is now', async () => {
    const ws = workspace();
    editFile(ws.root, 'seeds/003_smart_city.txt', (t) => 'A new first line.\r\n' + t);
    const result = await cli(ws.root, 'export', '--format', 'w3c', '--out', '-', '--base-iri', 'https://example.org/r/', 'seeds/003_smart_city.txt');
    expect(result.code).toBe(0);
    const items = JSON.parse(result.out).first.items;
    const claim = items.find((i: { id: string }) => i.id.endsWith('#c0v9b8n7'));
    const position = claim.target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
    const text = [...readFileSync(join(ws.root, 'seeds/003_smart_city.txt'), 'utf8').replace(/\r\n/g, '\n')];
    expect(text.slice(position.start, position.end).join('')).toBe('agreed to enhance exchanges with China on the development of “smart cities”');
  });

  it('writes nothing and exits 1 when a sidecar cannot be read', async () => {
    const ws = workspace();
    editFile(ws.root, 'annotations/seeds/003_smart_city.txt.yaml', (t) => t.replace('polarity: oppose', 'polarity: against'));
    const result = await cli(ws.root, 'export', '--format', 'yaml', '--out', 'x.yaml');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^annotations\/seeds\/003_smart_city\.txt\.yaml:\d+:\d+: error: .*polarity must be one of/m);
    expect(result.err).toContain('nothing written');
    expect(() => readFileSync(ws.out('x.yaml'))).toThrow();
  });

  it('rejects bad usage with exit 2', async () => {
    const ws = workspace();
    for (const args of [[], ['--format', 'pdf', '--out', 'x'], ['--format', 'yaml'], ['--format', 'qdpx', '--out', '-'], ['--format', 'w3c', '--out', 'x', '--base-iri', 'no scheme']]) {
      const result = await cli(ws.root, 'export', ...args);
      expect(result.code, args.join(' ')).toBe(2);
    }
    const help = await cli(ws.root, 'export', '--help');
    expect(help.out).toMatch(/Formats:[\s\S]*qdpx[\s\S]*--base-iri IRI/);
  });
});
