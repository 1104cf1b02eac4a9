import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIFF_FORMATS, diffAnnotation, diffCorpus, diffSidecars, renderDiff, renderDiffMarkdown } from '../../../src/core/diff';
import { Claim, Sidecar } from '../../../src/core/model';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { cli } from '../cli/runCliCapture';
import { expectGolden } from '../golden';

// Golden cases in test/fixtures/review/<case>/: before.yaml (absent: no sidecar before), after.yaml,
// and the expected output in each format. UPDATE_GOLDEN=1 rewrites the expected files.
const fixtures = join(__dirname, '..', '..', 'fixtures', 'review');
const cases = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, 'after.yaml')));
const EXTENSIONS = { text: 'text', markdown: 'md', json: 'json' } as const;

function load(file: string): Sidecar | undefined {
  if (!existsSync(file)) return undefined;
  const read = readSidecar(readFileSync(file, 'utf8'), file);
  expect(read.problems).toEqual([]);
  return read.sidecar;
}

describe('semantic diff golden cases', () => {
  it('has the cases', () => expect(cases.sort()).toEqual(['added-removed', 'changed-fields', 'markdown-escaping', 'new-sidecar', 'unchanged']));

  for (const name of cases) {
    describe(name, () => {
      const dir = join(fixtures, name);
      const before = load(join(dir, 'before.yaml'));
      const after = load(join(dir, 'after.yaml'));
      const report = diffCorpus([{ document: (after ?? before)!.document, before, after }], 'before.yaml', 'after.yaml');

      for (const format of DIFF_FORMATS) {
        it(`renders ${format}`, () => expectGolden(join(dir, `expected.${EXTENSIONS[format]}`), renderDiff(report, format)));
      }

      it.runIf(before !== undefined)('the CLI prints the same for the two files', async () => {
        for (const format of DIFF_FORMATS) {
          const result = await cli(dir, 'diff', 'before.yaml', 'after.yaml', '--format', format);
          expect(result.err).toBe('');
          expect(result.out).toBe(readFileSync(join(dir, `expected.${EXTENSIONS[format]}`), 'utf8'));
          expect(result.code).toBe(0);
        }
      });
    });
  }
});

const claim = (over: Partial<Claim> = {}): Claim => ({
  id: 'aaaa0001',
  kind: 'claim',
  anchor: { exact: 'words', prefix: 'some ', suffix: ' here', start: 10, end: 15 },
  label: 'A claim',
  speaker: 'author',
  claimType: 'factual',
  author: 'A',
  created: '2026-01-01T00:00:00Z',
  modified: '2026-01-01T00:00:00Z',
  ...over,
});

describe('diffAnnotation', () => {
  it('is undefined for equal annotations whatever their key order', () => {
    const a = claim();
    const b = Object.fromEntries(Object.entries(claim()).reverse()) as unknown as Claim;
    expect(diffAnnotation(a, b)).toBeUndefined();
  });

  it('reports a move without field changes when only the offsets changed', () => {
    const moved = diffAnnotation(claim(), claim({ anchor: { exact: 'words', prefix: 'some ', suffix: ' here', start: 20, end: 25 } }));
    expect(moved).toEqual({ id: 'aaaa0001', kind: 'claim', exact: 'words', changes: [], moved: { before: { start: 10, end: 15 }, after: { start: 20, end: 25 } } });
  });

  it('reports a changed kind and the fields only one kind has', () => {
    const note = { id: 'aaaa0001', kind: 'note', anchor: claim().anchor, author: 'A', created: claim().created, modified: claim().modified } as const;
    const change = diffAnnotation(claim(), note)!;
    expect(change.changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['kind', 'claim', 'note'],
      ['label', 'A claim', undefined],
      ['speaker', 'author', undefined],
      ['claimType', 'factual', undefined],
    ]);
  });

  it('lists a removed sidecar as every annotation removed', () => {
    const sidecar: Sidecar = { schemaVersion: 1, document: 'a.txt', fingerprint: '0'.repeat(40), annotations: [claim()] };
    const d = diffSidecars(sidecar, undefined);
    expect(d.status).toBe('removed');
    expect(d.removed.map((a) => a.id)).toEqual(['aaaa0001']);
  });
});

describe('Markdown rendering', () => {
  it('escapes what users wrote so it cannot inject markup, links or mentions', () => {
    const sidecar = (note: string): Sidecar => ({ schemaVersion: 1, document: 'a.txt', fingerprint: '0'.repeat(40), annotations: [claim({ note })] });
    const md = renderDiffMarkdown(diffCorpus([{ document: 'a.txt', before: sidecar('x'), after: sidecar('<img src=x onerror=alert(1)> [a](b) @octocat ```') }], 'a', 'b'));
    expect(md).not.toMatch(/(^|[^\\])(<img|\]\(|`{3})|@octocat/);
    expect(md).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
  });
});
