import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findConflictMarkers } from '../../../src/core/yaml/safeYaml';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { cli } from '../cli/runCliCapture';
import { annotate, commitAll, git, tempRepo } from '../cli/tempRepo';
import { builtCli } from './builtCli';

// End to end with the real git binary: git-setup configures the repository, then git itself runs the
// textconv and the merge driver (the CLI bundled from the current sources).

const DOC = 'seeds/000_d3c97eb98561e2fd.txt';
const SIDECAR = `annotations/${DOC}.yaml`;
const QUOTES = {
  aaaa0001: 'Hong Kong is spending a lower share of its gross domestic product on R&D',
  aaaa0002: 'Northern Metropolis and Cyberport',
  aaaa0003: 'Central Urban Work Conference',
};

let cliJs: string;
beforeAll(async () => {
  cliJs = await builtCli();
});

function node(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [cliJs, ...args], { cwd: root, encoding: 'utf8' });
}

function setup(): string {
  const root = tempRepo(['000_d3c97eb98561e2fd.txt']);
  annotate(root, DOC, QUOTES);
  const setupRun = node(root, 'git-setup');
  expect(setupRun.status, setupRun.stderr).toBe(0);
  commitAll(root);
  return root;
}

/** Changes one field of one annotation in the sidecar, in place, as the editor does. */
function setField(root: string, id: string, field: string, value: string): void {
  const file = join(root, SIDECAR);
  const text = readFileSync(file, 'utf8');
  const sidecar = readSidecar(text, SIDECAR).sidecar!;
  (sidecar.annotations.find((a) => a.id === id) as unknown as Record<string, string>)[field] = value;
  writeFileSync(file, writeSidecar(sidecar, text));
}

function dropAnnotation(root: string, id: string): void {
  const file = join(root, SIDECAR);
  const text = readFileSync(file, 'utf8');
  const sidecar = readSidecar(text, SIDECAR).sidecar!;
  sidecar.annotations = sidecar.annotations.filter((a) => a.id !== id);
  writeFileSync(file, writeSidecar(sidecar, text));
}

/** Branches off the first commit (whatever the default branch is called). */
function branchEdit(root: string, branch: string, edit: () => void): void {
  git(root, 'checkout', '-q', '-b', branch, git(root, 'rev-list', '--max-parents=0', 'HEAD', '--all').trim().split('\n')[0]);
  edit();
  git(root, 'commit', '-q', '-am', `edit on ${branch}`);
}

function tryMerge(root: string, branch: string) {
  return spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.invalid', 'merge', '--no-edit', branch], { cwd: root, encoding: 'utf8' });
}

describe('git with the sidecar drivers', () => {
  it('merges two branches that edit different annotations, keeping both changes', async () => {
    const root = setup();
    branchEdit(root, 'left', () => setField(root, 'aaaa0001', 'label', 'Left label'));
    branchEdit(root, 'right', () => setField(root, 'aaaa0003', 'claimType', 'normative'));
    git(root, 'checkout', '-q', 'left');
    const merge = tryMerge(root, 'right');
    expect(merge.status, merge.stdout + merge.stderr).toBe(0);
    const sidecar = readSidecar(readFileSync(join(root, SIDECAR), 'utf8'), SIDECAR);
    expect(sidecar.problems).toEqual([]);
    const byId = Object.fromEntries(sidecar.sidecar!.annotations.map((a) => [a.id, a as unknown as Record<string, string>]));
    expect([byId.aaaa0001.label, byId.aaaa0003.claimType]).toEqual(['Left label', 'normative']);
    expect((await cli(root, 'validate')).code).toBe(0);
  });

  it('marks an annotation both branches changed: git reports the conflict, the file stays valid and validate points at it', async () => {
    const root = setup();
    branchEdit(root, 'left', () => setField(root, 'aaaa0002', 'label', 'Left label'));
    branchEdit(root, 'right', () => {
      setField(root, 'aaaa0002', 'label', 'Right label');
      setField(root, 'aaaa0001', 'claimType', 'causal');
    });
    git(root, 'checkout', '-q', 'left');
    const merge = tryMerge(root, 'right');
    expect(merge.status).not.toBe(0);
    expect(merge.stdout + merge.stderr).toMatch(/CONFLICT \(content\): Merge conflict in annotations\/seeds\/000_d3c97eb98561e2fd\.txt\.yaml/);
    expect(merge.stderr).toMatch(/1 annotation changed on both sides \(aaaa0002\)/);
    expect(git(root, 'status', '--porcelain')).toContain(`UU ${SIDECAR}`);

    const text = readFileSync(join(root, SIDECAR), 'utf8');
    expect(findConflictMarkers(text)).toEqual([]);
    const read = readSidecar(text, SIDECAR);
    expect(read.problems).toEqual([]);
    const byId = Object.fromEntries(read.sidecar!.annotations.map((a) => [a.id, a as unknown as Record<string, unknown>]));
    expect(byId.aaaa0001.claimType).toBe('causal');
    expect(byId.aaaa0002.label).toBe('Left label');
    expect(byId.aaaa0002.review).toEqual({ status: 'conflict', reason: 'changed on both sides; kept ours, theirs had label: "Right label"' });

    const validate = await cli(root, 'validate');
    expect(validate.code).toBe(1);
    // validate points at the review entry's value: its `status: conflict` line.
    const line = text.split('\n').findIndex((l) => l.trim() === 'status: conflict') + 1;
    expect(validate.out).toContain(`${SIDECAR}:${line}:7: error: annotation aaaa0002 needs review (conflict): changed on both sides; kept ours, theirs had label: "Right label"`);
  });

  it('deleted on one branch, unchanged on the other: the merge deletes it, in both directions', async () => {
    for (const [ours, theirs] of [
      ['keep', 'delete'],
      ['delete', 'keep'],
    ]) {
      const root = setup();
      branchEdit(root, 'delete', () => dropAnnotation(root, 'aaaa0002'));
      branchEdit(root, 'keep', () => setField(root, 'aaaa0001', 'label', 'Kept and relabelled'));
      git(root, 'checkout', '-q', ours);
      const merge = tryMerge(root, theirs);
      expect(merge.status, merge.stdout + merge.stderr).toBe(0);
      const ids = readSidecar(readFileSync(join(root, SIDECAR), 'utf8'), SIDECAR).sidecar!.annotations.map((a) => a.id);
      expect(ids, `${ours} ← ${theirs}`).toEqual(['aaaa0001', 'aaaa0003']);
      expect((await cli(root, 'validate')).code).toBe(0);
    }
  });

  it('deleted on one branch, only re-anchored on the other (the document changed there): still deleted', async () => {
    const root = setup();
    branchEdit(root, 'delete', () => dropAnnotation(root, 'aaaa0002'));
    branchEdit(root, 'moved', () => {
      writeFileSync(join(root, DOC), 'A new first paragraph, written upstream.\n\n' + readFileSync(join(root, DOC), 'utf8'));
      expect(node(root, 'status', '--write').status).toBe(0);
    });
    git(root, 'checkout', '-q', 'delete');
    const merge = tryMerge(root, 'moved');
    expect(merge.status, merge.stdout + merge.stderr).toBe(0);
    const read = readSidecar(readFileSync(join(root, SIDECAR), 'utf8'), SIDECAR);
    expect(read.sidecar!.annotations.map((a) => a.id)).toEqual(['aaaa0001', 'aaaa0003']);
  });

  it('deleted on one branch, edited on the other: a conflict that names both, the edit kept for a person to decide', async () => {
    const root = setup();
    branchEdit(root, 'delete', () => dropAnnotation(root, 'aaaa0002'));
    branchEdit(root, 'edit', () => setField(root, 'aaaa0002', 'label', 'Edited meanwhile'));
    git(root, 'checkout', '-q', 'delete');
    const merge = tryMerge(root, 'edit');
    expect(merge.status).not.toBe(0);
    expect(merge.stderr).toMatch(/1 annotation deleted on one side and edited on the other \(aaaa0002\): kept the edited version; each marked 'review: conflict'/);
    expect(merge.stderr).not.toMatch(/changed on both sides/);
    const read = readSidecar(readFileSync(join(root, SIDECAR), 'utf8'), SIDECAR);
    const kept = read.sidecar!.annotations.find((a) => a.id === 'aaaa0002')!;
    expect(kept).toMatchObject({ label: 'Edited meanwhile', review: { status: 'conflict', reason: 'deleted on our side, edited on theirs (label); kept the edited version: delete it again, or remove this review entry to keep it' } });
    expect((await cli(root, 'validate')).out).toContain('annotation aaaa0002 needs review (conflict): deleted on our side, edited on theirs (label)');
  });

  it('leaves our version when theirs cannot be read, and git reports the conflict', () => {
    const root = setup();
    branchEdit(root, 'left', () => setField(root, 'aaaa0002', 'label', 'Left label'));
    branchEdit(root, 'right', () => writeFileSync(join(root, SIDECAR), readFileSync(join(root, SIDECAR), 'utf8').replace('claimType: factual', 'claimType: [')));
    git(root, 'checkout', '-q', 'left');
    const ours = readFileSync(join(root, SIDECAR), 'utf8');
    const merge = tryMerge(root, 'right');
    expect(merge.status).not.toBe(0);
    expect(merge.stderr).toMatch(/their version cannot be merged by annotation/);
    expect(readFileSync(join(root, SIDECAR), 'utf8')).toBe(ours);
  });

  it('git diff and git log -p show the textconv rendering', () => {
    const root = setup();
    setField(root, 'aaaa0002', 'label', 'Two districts');
    const diff = git(root, 'diff');
    expect(diff).toContain('   quote: "Northern Metropolis and Cyberport"\n');
    expect(diff).toContain('-  label: Northern Metropolis and Cyberport\n+  label: Two districts\n');
    expect(diff).not.toContain('prefix:');
    git(root, 'commit', '-q', '-am', 'relabel');
    expect(git(root, 'log', '-p', '-1')).toContain('+  label: Two districts\n');
    // The semantic diff reads the raw YAML, not the textconv output.
    expect(execFileSync(process.execPath, [cliJs, 'diff', 'HEAD~1', 'HEAD'], { cwd: root, encoding: 'utf8' })).toContain('label: Northern Metropolis and Cyberport → Two districts');
  });
});
