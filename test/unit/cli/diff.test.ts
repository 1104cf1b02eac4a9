import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { cli } from './runCliCapture';
import { annotate, commitAll, editFile, git, tempRepo } from './tempRepo';

const DOC = 'seeds/000_d3c97eb98561e2fd.txt';
const SIDECAR = `annotations/${DOC}.yaml`;
const QUOTES = { aaaa0001: 'Northern Metropolis and Cyberport', aaaa0002: 'Central Urban Work Conference' };

function setup(): string {
  const root = tempRepo(['000_d3c97eb98561e2fd.txt', '003_892e88a64976a510.txt']);
  annotate(root, DOC, QUOTES);
  commitAll(root);
  return root;
}

function relabel(root: string, id: string, label: string, file = SIDECAR): void {
  const text = readFileSync(join(root, file), 'utf8');
  const sidecar = readSidecar(text, file).sidecar!;
  (sidecar.annotations.find((a) => a.id === id) as { label: string }).label = label;
  writeFileSync(join(root, file), writeSidecar(sidecar, text));
}

describe('policy-annotator diff', () => {
  it('compares HEAD with the working tree by default', async () => {
    const root = setup();
    relabel(root, 'aaaa0001', 'Two districts');
    const result = await cli(root, 'diff');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      [
        'Annotations: HEAD → working tree',
        '',
        DOC,
        '  ~ claim aaaa0001 "Northern Metropolis and Cyberport"',
        '      label: Northern Metropolis and Cyberport → Two districts',
        '',
        '0 added, 0 removed, 1 changed in 1 document',
        '',
      ].join('\n'),
    );
  });

  it('compares two revisions, lists sidecars added between them, and --exit-code reports changes', async () => {
    const root = setup();
    relabel(root, 'aaaa0002', 'The conference');
    annotate(root, 'seeds/003_892e88a64976a510.txt', { bbbb0001: 'smart cities' });
    commitAll(root);
    const result = await cli(root, 'diff', 'HEAD~1', 'HEAD', '--format', 'json', '--exit-code');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out);
    expect(report.before).toBe('HEAD~1');
    expect(report.after).toBe('HEAD');
    expect(report.documents.map((d: { document: string; status: string }) => [d.document, d.status])).toEqual([
      [DOC, 'changed'],
      ['seeds/003_892e88a64976a510.txt', 'added'],
    ]);
    expect(report.totals).toEqual({ documents: 2, added: 1, removed: 0, changed: 1 });
    expect((await cli(root, 'diff', 'HEAD', 'HEAD', '--exit-code')).code).toBe(0);
  });

  it('reports moved anchors after status --write, and Markdown for a pull request', async () => {
    const root = setup();
    editFile(root, DOC, (t) => 'A new first line.\n' + t);
    expect((await cli(root, 'status', '--write')).code).toBe(0);
    const result = await cli(root, 'diff', '--format', 'markdown');
    expect(result.out).toContain('- fingerprint: ~~');
    expect(result.out).toMatch(/- \*\*Changed\*\* claim `aaaa0001`: “Northern Metropolis and Cyberport”\n {2}- moved: \d+–\d+ → \d+–\d+\n/);
  });

  it('works from a workspace folder inside the repository', async () => {
    const root = setup();
    mkdirSync(join(root, 'ws'));
    for (const dir of ['seeds', 'annotations']) renameSync(join(root, dir), join(root, 'ws', dir));
    commitAll(root);
    relabel(join(root, 'ws'), 'aaaa0001', 'Moved workspace');
    const result = await cli(root, 'diff', '--root', 'ws');
    expect(result.out).toContain('label: Northern Metropolis and Cyberport → Moved workspace');
  });

  it('reads the raw sidecars even when git has a textconv configured', async () => {
    const root = setup();
    git(root, 'config', 'diff.policy-annotator.textconv', 'false');
    writeFileSync(join(root, '.gitattributes'), 'annotations/**/*.yaml diff=policy-annotator\n');
    relabel(root, 'aaaa0001', 'Still read');
    expect((await cli(root, 'diff')).out).toContain('→ Still read');
  });

  it('reports a sidecar it cannot read with file:line and exits 1, diffing the rest', async () => {
    const root = setup();
    annotate(root, 'seeds/003_892e88a64976a510.txt', { bbbb0001: 'smart cities' });
    editFile(root, SIDECAR, (t) => t.replace('claimType: factual', 'claimType: [unclosed'));
    const result = await cli(root, 'diff');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^annotations\/seeds\/000_d3c97eb98561e2fd\.txt\.yaml:\d+:\d+: error: .*\(this sidecar is left out of the diff\)/);
    expect(result.out).toContain('seeds/003_892e88a64976a510.txt (sidecar added)');
  });

  it('rejects an unknown revision or format, and three arguments, with exit 2', async () => {
    const root = setup();
    const bad = await cli(root, 'diff', 'no-such-branch');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/'no-such-branch' is not a commit/);
    expect((await cli(root, 'diff', '--format', 'html')).code).toBe(2);
    expect((await cli(root, 'diff', 'a', 'b', 'c')).code).toBe(2);
    expect((await cli(root, 'diff', '--no-index', 'only-one')).code).toBe(2);
    expect((await cli(root, 'diff', '--', '--output=x')).code).toBe(2);
  });

  it('has full help', async () => {
    const help = await cli(process.cwd(), 'diff', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Usage: policy-annotator diff \[options\] \[<rev-a> \[<rev-b>\]\][\s\S]*--format FORMAT[\s\S]*--exit-code/);
  });
});

describe('policy-annotator diff in a repository without commits', () => {
  it('shows every sidecar as added', async () => {
    const root = tempRepo(['000_d3c97eb98561e2fd.txt']);
    annotate(root, DOC, QUOTES);
    const result = await cli(root, 'diff');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`${DOC} (sidecar added)`);
  });
});
