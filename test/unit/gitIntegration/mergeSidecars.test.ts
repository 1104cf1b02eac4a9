import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeSidecarTexts } from '../../../src/core/gitIntegration/mergeSidecars';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { cli } from '../cli/runCliCapture';
import { sampleSidecar } from '../store/sampleSidecar';

const base = writeSidecar(sampleSidecar());
const edit = (text: string, change: (s: ReturnType<typeof sampleSidecar>) => void): string => {
  const sidecar = readSidecar(text, 'x').sidecar!;
  change(sidecar);
  return writeSidecar(sidecar, text);
};
/** Sets one field of one annotation, as the editor would. */
const set = (text: string, id: string, field: string, value: string) =>
  edit(text, (s) => {
    (s.annotations.find((a) => a.id === id) as unknown as Record<string, string>)[field] = value;
  });
const drop = (text: string, id: string) => edit(text, (s) => (s.annotations = s.annotations.filter((a) => a.id !== id)));
const labelOf = (text: string, id: string) => (readSidecar(text, 'x').sidecar!.annotations.find((a) => a.id === id) as { label?: string; polarity?: string });

describe('mergeSidecarTexts', () => {
  it('merges changes to different annotations, keeping our comments', () => {
    const ours = '# kept comment\n' + set(base, 'k3m9x2qa', 'label', 'ours');
    const theirs = set(base, 'p7w2n4zt', 'polarity', 'mixed');
    const result = mergeSidecarTexts({ base, ours, theirs, path: 'a.yaml' });
    expect(result.status).toBe('clean');
    if (result.status === 'failed') return;
    expect(result.text.startsWith('# kept comment\n')).toBe(true);
    expect(labelOf(result.text, 'k3m9x2qa').label).toBe('ours');
    expect(labelOf(result.text, 'p7w2n4zt').polarity).toBe('mixed');
    expect(readSidecar(result.text, 'a.yaml').problems).toEqual([]);
  });

  it('marks an annotation changed differently on both sides for review, and stays valid', () => {
    const ours = set(base, 'k3m9x2qa', 'label', 'ours');
    const theirs = set(base, 'k3m9x2qa', 'label', 'theirs');
    const result = mergeSidecarTexts({ base, ours, theirs, path: 'a.yaml' });
    expect(result.status).toBe('conflict');
    if (result.status !== 'conflict') return;
    expect(result.conflicts).toEqual(['k3m9x2qa']);
    const merged = readSidecar(result.text, 'a.yaml');
    expect(merged.problems).toEqual([]);
    const claim = merged.sidecar!.annotations.find((a) => a.id === 'k3m9x2qa')!;
    expect(claim.review).toEqual({ status: 'conflict', reason: 'changed on both sides; kept ours, theirs had label: "theirs"' });
  });

  it('takes the other side when one side did not change, and both additions when the file is new on both', () => {
    const theirs = drop(base, 'r5t8v1bc');
    expect(mergeSidecarTexts({ base, ours: base, theirs, path: 'a.yaml' })).toEqual({ status: 'clean', text: theirs });
    const one = writeSidecar({ ...sampleSidecar(), annotations: [sampleSidecar().annotations[0]] });
    const two = writeSidecar({ ...sampleSidecar(), annotations: [sampleSidecar().annotations[1]] });
    const result = mergeSidecarTexts({ base: '', ours: one, theirs: two, path: 'a.yaml' });
    expect(result.status).toBe('clean');
    if (result.status === 'clean') expect(readSidecar(result.text, 'a').sidecar!.annotations.map((a) => a.id)).toEqual(['p7w2n4zt', 'k3m9x2qa']);
  });

  it('fails, naming the side and line, when a version is not a readable sidecar', () => {
    const theirs = base.replace('claimType: factual', 'claimType: guess');
    const result = mergeSidecarTexts({ base, ours: drop(base, 'r5t8v1bc'), theirs, path: 'a.yaml' });
    expect(result).toEqual({ status: 'failed', reason: expect.stringMatching(/^their version cannot be merged by annotation: a\.yaml \(theirs\):\d+:\d+: error: annotations\[2\]\.claimType must be one of/) });
  });
});

describe('policy-annotator merge-driver', () => {
  function files(ours: string, theirs: string) {
    const dir = mkdtempSync(join(tmpdir(), 'pa-merge-'));
    const [o, a, b] = ['base', 'ours', 'theirs'].map((n) => join(dir, n));
    writeFileSync(o, base);
    writeFileSync(a, ours);
    writeFileSync(b, theirs);
    return { dir, o, a, b };
  }

  it('writes the merge to OURS and exits 0', async () => {
    const f = files(set(base, 'k3m9x2qa', 'label', 'ours'), drop(base, 'r5t8v1bc'));
    const result = await cli(f.dir, 'merge-driver', f.o, f.a, f.b, 'annotations/a.txt.yaml');
    expect(result).toEqual({ code: 0, out: '', err: '' });
    expect(readSidecar(readFileSync(f.a, 'utf8'), 'a').sidecar!.annotations.map((a) => a.id)).toEqual(['p7w2n4zt', 'k3m9x2qa']);
  });

  it('exits 1 on a conflict, with the ids, and leaves valid YAML in OURS', async () => {
    const f = files(set(base, 'k3m9x2qa', 'label', 'ours'), set(base, 'k3m9x2qa', 'label', 'theirs'));
    const result = await cli(f.dir, 'merge-driver', f.o, f.a, f.b, 'annotations/a.txt.yaml');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/annotations\/a\.txt\.yaml: 1 annotation changed on both sides \(k3m9x2qa\)/);
    expect(readSidecar(readFileSync(f.a, 'utf8'), 'a').problems).toEqual([]);
  });

  it('exits 1 and leaves OURS byte for byte when a side cannot be parsed', async () => {
    const ours = drop(base, 'r5t8v1bc');
    const f = files(ours, 'annotations: [unclosed\n');
    const result = await cli(f.dir, 'merge-driver', f.o, f.a, f.b, 'annotations/a.txt.yaml');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^policy-annotator merge-driver: annotations\/a\.txt\.yaml: their version cannot be merged by annotation: .*\n  Your version was left in place, unmerged\. Their version: git show :3:annotations\/a\.txt\.yaml/);
    expect(readFileSync(f.a, 'utf8')).toBe(ours);
  });

  it('rejects a wrong number of arguments', async () => {
    expect((await cli(tmpdir(), 'merge-driver', 'a', 'b')).code).toBe(2);
  });
});
