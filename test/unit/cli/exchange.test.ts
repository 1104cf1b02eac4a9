import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { corpusRoot } from '../export/fixtureCorpus';
import { cli } from './runCliCapture';

// The exchange formats end to end through the CLI: export to brat and REFI-QDA, import back into a
// workspace without sidecars, and the options users reach for (relation map, added documents, arrays,
// formulas kept); hostile files leave the workspace untouched.

const A = 'seeds/000_hong_kong_tech.txt';

function workspace(sidecars: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'pa-exchange-'));
  cpSync(corpusRoot, root, { recursive: true });
  if (!sidecars) rmSync(join(root, 'annotations', 'seeds'), { recursive: true });
  return root;
}
const sidecarOf = (root: string, doc: string) => readSidecar(readFileSync(join(root, 'annotations', `${doc}.yaml`), 'utf8'), doc).sidecar!;

describe('exchange through the CLI', () => {
  it('export --format brat writes a folder brat opens; import --format brat reads it back', async () => {
    const from = workspace(true);
    const out = await cli(from, 'export', '--format', 'brat', '--out', 'brat');
    expect(out.code, out.err).toBe(0);
    expect(out.err).toMatch(/warning: seeds\/000_hong_kong_tech\.txt#l9k8j7h6: brat relations join two spans of one document; .*: not exported\n/);
    for (const f of ['annotation.conf', 'seeds/000_hong_kong_tech.ann', 'seeds/000_hong_kong_tech.txt', 'seeds/003_smart_city.ann']) expect(existsSync(join(from, 'brat', f)), f).toBe(true);
    const to = workspace(false);
    const back = await cli(to, 'import', '--format', 'brat', '--document', A, join(from, 'brat', 'seeds', '000_hong_kong_tech.ann'));
    expect(back.code, back.err).toBe(0);
    expect(sidecarOf(to, A).annotations.map((a) => a.kind).sort()).toEqual(['claim', 'claim', 'claim', 'note', 'stance']);
  });

  it('--relation-map maps brat types; messages come one per line, in line order', async () => {
    const root = workspace(false);
    const text = readFileSync(join(root, A), 'utf8').replace(/\r\n/g, '\n');
    const at = (q: string) => {
      const s = [...text.slice(0, text.indexOf(q))].length;
      return `${s} ${s + [...q].length}\t${q}`;
    };
    writeFileSync(join(root, 'x.ann'), [`T1\tPremise ${at('compete on price')}`, 'A1\tNegation T9', `T2\tPremise ${at('blindly pursuing')}`, 'R1\tOrigin Arg1:T1 Arg2:T2', 'X bad', ''].join('\n'));
    writeFileSync(join(root, 'map.yaml'), 'Origin: elaborates\n');
    const result = await cli(root, 'import', '--format', 'brat', '--document', A, '--relation-map', 'map.yaml', '--json', 'x.ann');
    const report = JSON.parse(result.out);
    expect(report.failures.map((f: { origin: string }) => f.origin)).toEqual(['x.ann:2', 'x.ann:5']);
    expect(report.items.map((i: { origin: string; kind: string }) => `${i.origin} ${i.kind}`)).toEqual(['x.ann:1 note', 'x.ann:3 note', 'x.ann:4 link']);
    expect(sidecarOf(root, A).links?.[0]).toMatchObject({ relation: 'elaborates' });
    const bad = await cli(root, 'import', '--format', 'brat', '--document', A, '--relation-map', 'nope.yaml', 'x.ann');
    expect(bad.code).toBe(2);
  });

  it('export --format qdpx, then import --format qdpx into a workspace without sidecars: the same annotations', async () => {
    const from = workspace(true);
    expect((await cli(from, 'export', '--format', 'qdpx', '--out', 'p.qdpx')).code).toBe(0);
    const to = workspace(false);
    const result = await cli(to, 'import', '--format', 'qdpx', join(from, 'p.qdpx'));
    expect(result.err).toBe('');
    expect(result.out).toMatch(/imported 11 annotations; 0 not imported\n$/);
    const before = sidecarOf(from, A).annotations.filter((a) => a.review?.status !== 'orphaned');
    const after = sidecarOf(to, A).annotations;
    const shape = (list: typeof after) => list.map((a) => [a.kind, a.anchor.exact, a.author, a.created, a.tags ?? [], a.note ?? '']).sort();
    expect(shape(after)).toEqual(shape(before));
  });

  it('--add-documents adds a source no document matches; a hostile project writes nothing', async () => {
    const from = workspace(true);
    await cli(from, 'export', '--format', 'qdpx', '--out', 'p.qdpx');
    const empty = mkdtempSync(join(tmpdir(), 'pa-exchange-empty-'));
    const refused = await cli(empty, 'import', '--format', 'qdpx', join(from, 'p.qdpx'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/\(source 'seeds\/000_hong_kong_tech\.txt'\): not imported: matches no workspace document by name or by content/);
    const added = await cli(empty, 'import', '--format', 'qdpx', '--add-documents', 'imported', join(from, 'p.qdpx'));
    expect(added.out).toMatch(/^imported\/000_hong_kong_tech\.txt: added the document\n/);
    expect(readFileSync(join(empty, 'imported', '000_hong_kong_tech.txt'), 'utf8')).toBe(readFileSync(join(from, A), 'utf8').replace(/\r\n/g, '\n'));
    writeFileSync(join(empty, 'evil.qdpx'), 'PK\u0003\u0004 not really');
    const before = JSON.stringify(readdir(empty));
    const evil = await cli(empty, 'import', '--format', 'qdpx', 'evil.qdpx');
    expect(evil.err).toMatch(/^evil\.qdpx: not imported: not a zip file/);
    expect(JSON.stringify(readdir(empty))).toBe(before);
  });

  it('export --format w3c --array and csv --keep-formulas', async () => {
    const root = workspace(true);
    const array = await cli(root, 'export', '--format', 'w3c', '--array', '--out', '-');
    const items = JSON.parse(array.out);
    expect(Array.isArray(items) && items.every((i: Record<string, unknown>) => i['@context'] === 'http://www.w3.org/ns/anno.jsonld')).toBe(true);
    expect((await cli(root, 'export', '--format', 'brat', '--out', '-')).code).toBe(2);
  });
});

function readdir(root: string): string[] {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  return walk(root).sort();
}
