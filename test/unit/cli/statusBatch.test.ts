import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './runCliCapture';
import { annotate, commitAll, editFile, tempRepo } from './tempRepo';

// status over several workspaces in one process: one JSON object per line per workspace.

const DOC = 'seeds/000_d3c97eb98561e2fd.txt';

function workspace(edited: boolean): string {
  const root = tempRepo(['000_d3c97eb98561e2fd.txt']);
  annotate(root, DOC, { aaaa0001: 'Northern Metropolis and Cyberport', aaaa0002: 'Central Urban Work Conference' });
  commitAll(root);
  if (edited) editFile(root, DOC, (t) => t.replace('Northern Metropolis and Cyberport', 'the new districts'));
  return root;
}

const lines = (out: string) => out.trim().split('\n').map((l) => JSON.parse(l));

describe('policy-annotator status over several workspaces', () => {
  it('--root A --root B: one JSON object per workspace, in order, each with its own totals', async () => {
    const a = workspace(false);
    const b = workspace(true);
    const result = await cli(a, 'status', '--json', '--root', a, '--root', b);
    expect(result.code).toBe(0);
    const [first, second, ...rest] = lines(result.out);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ root: a, ok: true, totals: { anchored: 2, orphaned: 0 } });
    expect(first.documents[0].document).toBe(DOC);
    expect(second).toMatchObject({ root: b, ok: true, totals: { anchored: 0, moved: 1, orphaned: 1 } });
    expect(second.documents[0].annotations.find((x: { id: string }) => x.id === 'aaaa0001')).toMatchObject({ status: 'orphaned', start: null, reason: { code: 'quote-not-found' } });
  });

  it('--batch FILE: one workspace per line (comments and blank lines skipped); a missing one is reported, the rest checked', async () => {
    const a = workspace(false);
    const b = workspace(false);
    writeFileSync(join(a, 'workspaces.txt'), `# two workspaces and a typo\n${a}\n\n${join(a, 'nope')}\n${b}\n`);
    const result = await cli(a, 'status', '--json', '--batch', 'workspaces.txt');
    expect(result.code).toBe(1);
    const out = lines(result.out);
    expect(out.map((o) => o.root)).toEqual([a, join(a, 'nope'), b]);
    expect(out[1]).toEqual({ root: join(a, 'nope'), error: expect.stringMatching(/workspace folder .*nope not found/) });
    expect(out[2]).toMatchObject({ ok: true, totals: { anchored: 2 } });
    const text = await cli(a, 'status', '--root', a, '--root', b);
    expect(text.code).toBe(0);
    const block = (root: string) =>
      `== ${root}\n  ${DOC}  (annotations/${DOC}.yaml)\n    aaaa0001  claim   anchored   "Northern Metropolis and Cyberport"\n    aaaa0002  claim   anchored   "Central Urban Work Conference"\n  2 anchored, 0 moved, 0 fuzzy, 0 ambiguous, 0 orphaned\n`;
    expect(text.out).toBe(block(a) + block(b));
    expect((await cli(a, 'status', '--batch', 'missing.txt')).code).toBe(2);
  });
});
