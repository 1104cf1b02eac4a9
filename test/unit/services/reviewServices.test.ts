import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationStatus, CancelledError, diffAnnotations, UnknownRevisionError, validateSidecars } from '../../../src/core/services';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { annotate, commitAll, editFile, git, tempRepo } from '../cli/tempRepo';
import { taskRecorder } from './taskRecorder';

// Status, validation and diff as services: typed results, one progress step per document (per side for diff), cancellation.

const DOC = 'seeds/000_d3c97eb98561e2fd.txt';
const OTHER = 'seeds/003_892e88a64976a510.txt';
const SIDECAR = `annotations/${DOC}.yaml`;

function setup(): string {
  const root = tempRepo(['000_d3c97eb98561e2fd.txt', '003_892e88a64976a510.txt']);
  annotate(root, DOC, { aaaa0001: 'Northern Metropolis and Cyberport', aaaa0002: 'Central Urban Work Conference' });
  annotate(root, OTHER, { bbbb0001: 'smart cities' });
  commitAll(root);
  return root;
}

function relabel(root: string, id: string, label: string): void {
  const text = readFileSync(join(root, SIDECAR), 'utf8');
  const sidecar = readSidecar(text, SIDECAR).sidecar!;
  (sidecar.annotations.find((a) => a.id === id) as { label: string }).label = label;
  writeFileSync(join(root, SIDECAR), writeSidecar(sidecar, text));
}

describe('annotationStatus', () => {
  it('returns every annotation with its anchoring result and the totals; write saves the moved selectors', async () => {
    const root = setup();
    editFile(root, DOC, (t) => 'A new first line.\n' + t.replace('Central Urban Work Conference', 'Central Urban Planning Conference'));
    const { steps, control } = taskRecorder();
    const result = await annotationStatus({ root, annotationsFolder: 'annotations', write: true }, control);
    expect(result.ok).toBe(true);
    expect(result.totals).toEqual({ anchored: 1, moved: 1, fuzzy: 1, ambiguous: 0, orphaned: 0 });
    const doc = result.documents.find((d) => d.document === DOC)!;
    expect(doc.sidecar).toBe(SIDECAR);
    expect(doc.saved).toBe('written');
    expect(doc.annotations.map((a) => [a.id, a.kind, a.status])).toEqual([
      ['aaaa0001', 'claim', 'moved'],
      ['aaaa0002', 'claim', 'fuzzy'],
    ]);
    expect(readSidecar(readFileSync(join(root, SIDECAR), 'utf8'), SIDECAR).sidecar!.annotations[1].review).toBeDefined();
    expect(steps.map((s) => s.message)).toEqual([DOC, OTHER]);
  });

  it('stops between documents when cancelled and writes nothing', async () => {
    const root = setup();
    editFile(root, DOC, (t) => 'A new first line.\n' + t);
    const before = readFileSync(join(root, SIDECAR), 'utf8');
    await expect(annotationStatus({ root, annotationsFolder: 'annotations', write: true }, taskRecorder(1).control)).rejects.toThrow(CancelledError);
    expect(readFileSync(join(root, SIDECAR), 'utf8')).toBe(before);
  });
});

describe('validateSidecars', () => {
  it('returns the files checked, the counts and each problem where it is', async () => {
    const root = setup();
    editFile(root, DOC, (t) => t.replace('Northern Metropolis and Cyberport', 'the new districts'));
    const { steps, control } = taskRecorder();
    const result = await validateSidecars({ root, annotationsFolder: 'annotations' }, control);
    expect(result).toMatchObject({ files: [SIDECAR, `annotations/${OTHER}.yaml`], annotations: 3, errors: 1, warnings: 1 });
    expect(result.problems).toEqual([
      expect.objectContaining({ file: SIDECAR, severity: 'error', message: expect.stringMatching(/^annotation aaaa0001: "Northern Metropolis and Cyberport" is no longer in the document/) }),
      expect.objectContaining({ file: SIDECAR, severity: 'warning', message: expect.stringMatching(/^annotation aaaa0002: its words moved/) }),
    ]);
    expect(steps).toHaveLength(2);
  });

  it('stops when cancelled', async () => {
    await expect(validateSidecars({ root: setup(), annotationsFolder: 'annotations' }, taskRecorder(1).control)).rejects.toThrow(CancelledError);
  });
});

describe('diffAnnotations', () => {
  it('compares HEAD with the working tree by default, with both sides labelled', async () => {
    const root = setup();
    relabel(root, 'aaaa0001', 'Two districts');
    const { steps, control } = taskRecorder();
    const result = await diffAnnotations({ root, annotationsFolder: 'annotations' }, control);
    expect(result.before).toEqual({ label: 'HEAD', commit: git(root, 'rev-parse', 'HEAD').trim() });
    expect(result.after).toEqual({ label: 'working tree' });
    expect(result.report.totals).toEqual({ documents: 1, added: 0, removed: 0, changed: 1 });
    expect(result.report.documents[0].changed[0].changes).toEqual([{ field: 'label', before: 'Northern Metropolis and Cyberport', after: 'Two districts' }]);
    expect(steps.map((s) => [s.message, s.done, s.total])).toEqual([
      ['HEAD', 0, 2],
      ['working tree', 1, 2],
    ]);
  });

  it('compares with the merge base of a branch, as a pull request does', async () => {
    const root = setup();
    git(root, 'branch', '-M', 'main');
    git(root, 'checkout', '-q', '-b', 'topic');
    relabel(root, 'aaaa0002', 'A conference');
    commitAll(root);
    const result = await diffAnnotations({ root, annotationsFolder: 'annotations', before: { mergeBaseWith: 'main' } });
    expect(result.before.label).toBe('merge base with main');
    expect(result.report.documents.map((d) => d.changed.map((c) => c.id))).toEqual([['aaaa0002']]);
  });

  it('reports a sidecar that cannot be read and leaves it out; rejects a revision that names no commit', async () => {
    const root = setup();
    writeFileSync(join(root, SIDECAR), 'annotations: [\n');
    const result = await diffAnnotations({ root, annotationsFolder: 'annotations' });
    expect(result.problems.map((p) => [p.file, p.severity])).toEqual([[SIDECAR, 'error']]);
    expect(result.report.documents).toEqual([]);
    await expect(diffAnnotations({ root, annotationsFolder: 'annotations', before: { rev: 'no-such-branch' } })).rejects.toThrow(UnknownRevisionError);
  });

  it('stops when cancelled before reading the second side', async () => {
    await expect(diffAnnotations({ root: setup(), annotationsFolder: 'annotations' }, taskRecorder(1).control)).rejects.toThrow(CancelledError);
  });
});
