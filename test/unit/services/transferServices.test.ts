import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished, describe, expect, it } from 'vitest';
import { CancelledError, exportAnnotations, importAnnotations, InputError } from '../../../src/core/services';
import { corpusRoot, expectedDir } from '../export/fixtureCorpus';
import { taskRecorder } from './taskRecorder';

// The export and import services with their typed results, progress and cancellation, as the editor calls them.

const A = 'seeds/000_hong_kong_tech.txt';
const B = 'seeds/003_smart_city.txt';

function workspace(sidecars = true): string {
  const root = mkdtempSync(join(tmpdir(), 'pa-services-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  cpSync(corpusRoot, root, { recursive: true });
  if (!sidecars) rmSync(join(root, 'annotations', 'seeds'), { recursive: true });
  return root;
}

describe('exportAnnotations', () => {
  it('writes the file and returns counts, the entities and the annotations exported without a position', async () => {
    const root = workspace();
    const { steps, control } = taskRecorder();
    const result = await exportAnnotations({ root, annotationsFolder: 'annotations', format: 'csv', out: 'out.csv' }, control);
    expect(result).toEqual({ ok: true, problems: [], documents: 2, annotations: 12, entities: 3, unplaced: [`${A}#q1w2e3r4`], lost: [], superseded: [], content: undefined });
    expect(readFileSync(join(root, 'out.csv'), 'utf8')).toBe(readFileSync(join(expectedDir, 'corpus.csv'), 'utf8'));
    expect(steps).toEqual([
      { message: A, done: 0, total: 2 },
      { message: B, done: 1, total: 2 },
    ]);
  });

  it('returns the content instead of writing when no file is named', async () => {
    const root = workspace();
    const result = await exportAnnotations({ root, annotationsFolder: 'annotations', format: 'yaml', paths: [`annotations/${B}.yaml`] });
    if (!result.ok) throw new Error('export failed');
    expect(result.documents).toBe(1);
    expect(typeof result.content === 'string' && result.content.includes(`path: ${B}`)).toBe(true);
    expect(existsSync(join(root, 'out.yaml'))).toBe(false);
  });

  it('writes nothing and returns the errors when a sidecar cannot be read', async () => {
    const root = workspace();
    writeFileSync(join(root, 'annotations', `${B}.yaml`), 'annotations: [\n');
    const result = await exportAnnotations({ root, annotationsFolder: 'annotations', format: 'csv', out: 'out.csv' });
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.severity === 'error' && p.file === `annotations/${B}.yaml`)).toBe(true);
    expect(existsSync(join(root, 'out.csv'))).toBe(false);
  });

  it('stops when cancelled, before writing anything', async () => {
    const root = workspace();
    const { steps, control } = taskRecorder(1);
    await expect(exportAnnotations({ root, annotationsFolder: 'annotations', format: 'csv', out: 'out.csv' }, control)).rejects.toThrow(CancelledError);
    expect(steps).toHaveLength(1);
    expect(existsSync(join(root, 'out.csv'))).toBe(false);
  });

  it('rejects an unknown format and a base IRI that is not absolute, naming the option', async () => {
    const root = workspace();
    await expect(exportAnnotations({ root, annotationsFolder: 'annotations', format: 'pdf' as 'csv' })).rejects.toThrow(/unknown format 'pdf'/);
    const error = await exportAnnotations({ root, annotationsFolder: 'annotations', format: 'w3c', baseIri: 'not an iri' }).catch((e: InputError) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).option).toBe('baseIri');
  });
});

describe('importAnnotations', () => {
  const w3c = join(expectedDir, 'corpus.w3c.json');

  it('returns each sidecar written, what was not imported and why, with one progress step per file', async () => {
    const root = workspace(false);
    const { steps, control } = taskRecorder();
    const result = await importAnnotations({ root, annotationsFolder: 'annotations', format: 'w3c', files: [w3c] }, control);
    expect(result.dryRun).toBe(false);
    expect(result.imported).toBe(11);
    expect(result.documents).toEqual([
      { document: A, sidecar: `annotations/${A}.yaml`, added: 6, outcome: 'new sidecar' },
      { document: B, sidecar: `annotations/${B}.yaml`, added: 5, outcome: 'new sidecar' },
    ]);
    expect(result.failures).toEqual([{ origin: expect.stringContaining('corpus.w3c.json'), sourceId: `urn:policy-annotator:${A}#q1w2e3r4`, reason: expect.stringMatching(/"a sentence that was deleted" .* was not found$/) }]);
    expect(existsSync(join(root, 'annotations', `${A}.yaml`))).toBe(true);
    expect(steps).toEqual([{ message: w3c, done: 0, total: 1 }]);
  });

  it('with dryRun reports the same and writes nothing', async () => {
    const root = workspace(false);
    const result = await importAnnotations({ root, annotationsFolder: 'annotations', format: 'w3c', files: [w3c], dryRun: true });
    expect(result).toMatchObject({ dryRun: true, imported: 11 });
    expect(existsSync(join(root, 'annotations', `${A}.yaml`))).toBe(false);
  });

  it('stops when cancelled while reading, and writes no sidecar', async () => {
    const root = workspace(false);
    const { control } = taskRecorder(1);
    await expect(importAnnotations({ root, annotationsFolder: 'annotations', format: 'w3c', files: [w3c, w3c] }, control)).rejects.toThrow(CancelledError);
    expect(existsSync(join(root, 'annotations', `${A}.yaml`))).toBe(false);
  });

  it('rejects a file that cannot be read and a document that is not in the workspace', async () => {
    const root = workspace(false);
    await expect(importAnnotations({ root, annotationsFolder: 'annotations', format: 'w3c', files: ['missing.json'] })).rejects.toThrow(new InputError('cannot read missing.json'));
    const error = await importAnnotations({ root, annotationsFolder: 'annotations', format: 'w3c', files: [w3c], document: 'nope.txt' }).catch((e: InputError) => e);
    expect(error).toMatchObject({ option: 'document', message: `nope.txt is not a document in ${root}` });
  });
});
