import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';

const ROOT = resolve(__dirname, '../../..');

async function cli(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { cwd, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

interface JsonMention {
  document: string;
  start: number;
  end: number;
  text: string;
  entityId: string;
  type: string;
  source: string;
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pa-entities-'));
  temps.push(dir);
  return dir;
}
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('policy-annotator entities', () => {
  it('lists catalogue and value mentions of the seeds as JSON, with offsets into each document', async () => {
    const r = await cli(ROOT, 'entities', 'seeds', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { documents, mentions } = JSON.parse(r.out) as { documents: string[]; mentions: JsonMention[] };
    expect(documents).toHaveLength(5);
    expect(documents[0]).toBe('seeds/000_d3c97eb98561e2fd.txt');
    for (const m of mentions) {
      const text = readFileSync(join(ROOT, m.document), 'utf8');
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(Object.keys(m)).toEqual(['document', 'start', 'end', 'text', 'entityId', 'type', 'source']);
    }
    expect(mentions).toContainEqual({ document: 'seeds/000_d3c97eb98561e2fd.txt', start: 71, end: 91, text: 'President Xi Jinping', entityId: 'xi-jinping', type: 'person', source: 'catalogue' });
    expect(mentions).toContainEqual(expect.objectContaining({ text: 'HK$10 billion', entityId: 'value:money', type: 'money', source: 'value' }));
    expect(mentions.some((m) => m.source === 'candidate')).toBe(false);
  });

  it('adds candidates with --candidates', async () => {
    const r = await cli(ROOT, 'entities', 'seeds/000_d3c97eb98561e2fd.txt', '--json', '--candidates');
    const { mentions } = JSON.parse(r.out) as { mentions: JsonMention[] };
    expect(mentions.filter((m) => m.source === 'candidate').map((m) => m.text)).toEqual(['Web3']);
  });

  it('prints a readable listing by default', async () => {
    const r = await cli(ROOT, 'entities', 'seeds/003_892e88a64976a510.txt');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('seeds/003_892e88a64976a510.txt');
    expect(lines[1]).toMatch(/^ {2}1:1 +0-16 +value +date +value:date +"17 November 2018"$/);
    expect(r.out).toMatch(/11:19 +687-702 +catalogue +person +leung-chun-ying +"Leung Chun-ying"/);
    expect(lines.at(-2)).toMatch(/^1 document, \d+ mentions$/);
  });

  it('counts mentions per entity with --summary, most frequent first', async () => {
    const json = await cli(ROOT, 'entities', 'seeds', '--summary', '--json');
    const { summary, mentions } = JSON.parse(json.out) as { summary: { entityId: string; count: number; documents: number; name?: string }[]; mentions: number };
    expect(summary[0]).toMatchObject({ entityId: 'hong-kong', name: 'Hong Kong', documents: 5 });
    for (let k = 1; k < summary.length; k++) expect(summary[k - 1].count).toBeGreaterThanOrEqual(summary[k].count);
    expect(summary.reduce((n, s) => n + s.count, 0)).toBe(mentions);
    const text = await cli(ROOT, 'entities', 'seeds', '--summary');
    expect(text.out.split('\n')[0]).toMatch(/^count +docs +source +type +entity$/);
    expect(text.out).toMatch(/\n +\d+ +5 +catalogue +place +hong-kong +\(Hong Kong\)\n/);
  });

  it('defaults to the documents and the catalogue of the current folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'annotations'));
    mkdirSync(join(dir, 'docs/sub'), { recursive: true });
    mkdirSync(join(dir, 'node_modules/pkg'), { recursive: true });
    mkdirSync(join(dir, '.hidden'));
    writeFileSync(join(dir, 'annotations/entities.yaml'), readFileSync(join(ROOT, 'annotations/entities.yaml')));
    writeFileSync(join(dir, 'annotations/extra.entities.yaml'), 'schemaVersion: 1\nentities:\n  - id: acme\n    type: organisation\n    name: Acme Widgets\n');
    writeFileSync(join(dir, 'annotations/notes.txt'), 'Hong Kong');
    writeFileSync(join(dir, 'docs/sub/a.md'), '# Acme Widgets in Hong Kong\n');
    writeFileSync(join(dir, 'docs/b.txt'), 'The GBA.\n');
    writeFileSync(join(dir, 'docs/c.yaml'), 'Hong Kong');
    writeFileSync(join(dir, 'node_modules/pkg/readme.md'), 'Hong Kong');
    writeFileSync(join(dir, '.hidden/x.txt'), 'Hong Kong');
    const r = await cli(dir, 'entities', '--json');
    expect(r.code).toBe(0);
    const { documents, mentions } = JSON.parse(r.out) as { documents: string[]; mentions: JsonMention[] };
    expect(documents).toEqual(['docs/b.txt', 'docs/sub/a.md']);
    expect(mentions.map((m) => `${m.document}:${m.entityId}`)).toEqual(['docs/b.txt:greater-bay-area', 'docs/sub/a.md:acme', 'docs/sub/a.md:hong-kong']);
  });

  it('reports offsets in the normalised text: no BOM, LF line breaks', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'crlf.txt'), '\ufeffFirst line\r\nThe GBA grows.\r\n');
    const r = await cli(dir, 'entities', 'crlf.txt', '--json', '--catalogue', join(ROOT, 'annotations/entities.yaml'));
    const { mentions } = JSON.parse(r.out) as { mentions: JsonMention[] };
    expect(mentions).toEqual([expect.objectContaining({ start: 15, end: 18, text: 'GBA' })]);
  });

  it('merges several catalogues and reports duplicate ids with file:line:column', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'schemaVersion: 1\nentities:\n  - id: acme\n    type: organisation\n    name: Acme\n');
    writeFileSync(join(dir, 'b.yaml'), 'schemaVersion: 1\nentities:\n  - id: beta\n    type: place\n    name: Beta\n');
    writeFileSync(join(dir, 'c.yaml'), 'schemaVersion: 1\nentities:\n  - id: beta\n    type: place\n    name: Gamma\n');
    writeFileSync(join(dir, 'doc.txt'), 'Acme and Beta.\n');
    const ok = await cli(dir, 'entities', '--json', '--catalogue', 'a.yaml', 'b.yaml', 'doc.txt');
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.out) as { mentions: JsonMention[] }).mentions.map((m) => m.entityId)).toEqual(['acme', 'beta']);
    const dup = await cli(dir, 'entities', '--catalogue', 'b.yaml', '--catalogue', 'c.yaml', 'doc.txt');
    expect(dup.code).toBe(1);
    expect(dup.err).toBe("c.yaml:3:9: error: duplicate entity id 'beta' (first defined at b.yaml:3:9)\n");
    expect(dup.out).toBe('');
  });

  it('fails with file:line:column on an invalid catalogue', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'schemaVersion: 1\nentities:\n  - id: x\n    type: planet\n    name: X\n');
    writeFileSync(join(dir, 'doc.txt'), 'text\n');
    const r = await cli(dir, 'entities', '--catalogue', 'bad.yaml', 'doc.txt');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^bad\.yaml:4:11: error: entities\[0\]\.type must be one of: person, organisation/);
  });

  it('fails on missing documents and catalogues', async () => {
    const missingDoc = await cli(ROOT, 'entities', 'seeds/nope.txt');
    expect(missingDoc.code).toBe(1);
    expect(missingDoc.err).toBe('seeds/nope.txt:1:1: error: no such file or folder\n');
    const missingCatalogue = await cli(ROOT, 'entities', 'seeds', '--catalogue', 'nope.yaml');
    expect(missingCatalogue.code).toBe(1);
    expect(missingCatalogue.err).toBe('nope.yaml:1:1: error: cannot read the catalogue (ENOENT)\n');
  });

  it('says so when there is no catalogue, and still lists values', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'doc.txt'), 'By 2032 it reached 5 percent.\n');
    const r = await cli(dir, 'entities', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/no entity catalogue found/);
    expect((JSON.parse(r.out) as { mentions: JsonMention[] }).mentions.map((m) => m.text)).toEqual(['By 2032', '5 percent']);
  });

  it('has full help and rejects unknown options', async () => {
    const help = await cli(ROOT, 'entities', '--help');
    expect(help.code).toBe(0);
    for (const option of ['--catalogue', '--candidates', '--summary', '--json', 'Exit code']) expect(help.out).toContain(option);
    const bad = await cli(ROOT, 'entities', '--frobnicate');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Unknown option '--frobnicate'");
    const main = await cli(ROOT, '--help');
    expect(main.out).toMatch(/entities +list the people/);
  });
});
