import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { corpusRoot, expectedDir } from '../export/fixtureCorpus';
import { cli } from './runCliCapture';
import { commitAll, git, tempRepo } from './tempRepo';

const A = 'seeds/000_hong_kong_tech.txt';
const B = 'seeds/003_smart_city.txt';

/** The fixture corpus' documents; with `sidecars`, its annotations too. */
function workspace(sidecars: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'pa-import-'));
  cpSync(corpusRoot, root, { recursive: true });
  if (!sidecars) rmSync(join(root, 'annotations', 'seeds'), { recursive: true });
  return root;
}

const sidecarOf = (root: string, doc: string) => readSidecar(readFileSync(join(root, 'annotations', `${doc}.yaml`), 'utf8'), doc).sidecar!;

describe('policy-annotator import', () => {
  it('imports our W3C export into a fresh workspace: sidecars created, links resolved, the orphan reported', async () => {
    const root = workspace(false);
    const result = await cli(root, 'import', '--format', 'w3c', join(expectedDir, 'corpus.w3c.json'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/corpus\.w3c\.json:\d+: not imported: "a sentence that was deleted" in seeds\/000_hong_kong_tech\.txt was not found\n$/);
    expect(result.out).toBe(
      [`annotations/${A}.yaml: added 6 annotations (new sidecar)`, `annotations/${B}.yaml: added 5 annotations (new sidecar)`, 'imported 11 annotations; 1 not imported', ''].join('\n'),
    );
    const a = sidecarOf(root, A);
    expect(a.annotations.map((x) => x.kind).sort()).toEqual(['claim', 'claim', 'claim', 'link', 'note', 'stance']);
    expect(a.annotations.every((x) => x.author === 'Ada Researcher' || x.author === 'Ben Reviewer')).toBe(true);
    const validate = await cli(root, 'validate');
    expect(validate.out).toBe('2 sidecars, 11 annotations: 0 errors, 0 warnings\n');
  });

  it('--dry-run reports and writes nothing; --json gives the details', async () => {
    const root = workspace(false);
    const result = await cli(root, 'import', '--format', 'w3c', '--dry-run', '--json', join(expectedDir, 'corpus.w3c.json'));
    const report = JSON.parse(result.out);
    expect(report).toMatchObject({ dryRun: true, imported: 11, failures: [{ reason: expect.stringMatching(/was not found$/) }] });
    expect(existsSync(join(root, 'annotations', A + '.yaml'))).toBe(false);
  });

  it('adds brat annotations next to existing ones, with new ids, the .txt beside the .ann and --author', async () => {
    const root = workspace(true);
    const before = sidecarOf(root, B).annotations;
    const text = readFileSync(join(root, B), 'utf8').replace(/\r\n/g, '\n');
    const start = [...text.slice(0, text.indexOf('public services'))].length;
    writeFileSync(join(root, 'seeds', '003_smart_city.ann'), `T1\tClaim ${start} ${start + 15}\tpublic services\nA1\tclaimType T1 predictive\n`);
    const result = await cli(root, 'import', '--format', 'brat', '--author', 'Cleo Coder', 'seeds/003_smart_city.ann');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const after = sidecarOf(root, B).annotations;
    expect(after.length).toBe(before.length + 1);
    const added = after.find((x) => !before.some((b) => b.id === x.id))!;
    expect(added).toMatchObject({ kind: 'claim', claimType: 'predictive', author: 'Cleo Coder', label: 'public services', anchor: { exact: 'public services' } });
    expect(added.id).toMatch(/^[0-9a-hjkmnp-tv-z]{8}$/);
  });

  it('takes the author from git user.name, and the document from --document', async () => {
    const root = tempRepo(['000_d3c97eb98561e2fd.txt']);
    git(root, 'config', 'user.name', 'Gita Git');
    commitAll(root);
    const text = readFileSync(join(root, 'seeds', '000_d3c97eb98561e2fd.txt'), 'utf8');
    writeFileSync(join(root, 'x.ann'), `T1\tTopic 1 14\t${text.slice(1, 14)}\n#1\tAnnotatorNotes T1\tthe headline\n`);
    const result = await cli(root, 'import', '--format', 'brat', '--document', 'seeds/000_d3c97eb98561e2fd.txt', 'x.ann');
    expect(result.code, result.err).toBe(0);
    const note = sidecarOf(root, 'seeds/000_d3c97eb98561e2fd.txt').annotations[0];
    expect(note).toMatchObject({ kind: 'note', author: 'Gita Git', tags: ['Topic'], note: 'the headline' });
  });

  it('reports a .ann whose document cannot be found', async () => {
    const root = workspace(false);
    writeFileSync(join(root, 'unknown.ann'), 'T1\tNote 0 3\tabc\n');
    const result = await cli(root, 'import', '--format', 'brat', 'unknown.ann');
    expect(result.code).toBe(1);
    expect(result.err).toBe("unknown.ann: not imported: no workspace document matches 'unknown.txt' (use --document)\n");
  });

  it('rejects bad usage with exit 2', async () => {
    const root = workspace(false);
    for (const args of [[], ['--format', 'csv', 'x'], ['--format', 'w3c'], ['--format', 'w3c', 'missing.json'], ['--format', 'w3c', '--document', 'nope.txt', join(expectedDir, 'corpus.w3c.json')]]) {
      expect((await cli(root, 'import', ...args)).code, args.join(' ')).toBe(2);
    }
    expect((await cli(root, 'import', '--help')).out).toMatch(/Usage: policy-annotator import --format w3c\|brat/);
  });
});
