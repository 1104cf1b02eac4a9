import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { normalizeText } from '../../src/core/anchoring';
import { Annotation } from '../../src/core/model';
import { readSidecar } from '../../src/core/store/readSidecar';
import { activateExtension, workspacePath } from './helpers';

// Export Annotations… and Import Annotations… from the editor, with arguments that skip the dialogs.

const DOC = 'seeds/transfer-doc.txt';
const sidecarFile = () => workspacePath('annotations', 'seeds', 'transfer-doc.txt.yaml');
const uri = () => vscode.Uri.file(workspacePath(...DOC.split('/')));

suite('export and import', () => {
  const out = mkdtempSync(join(tmpdir(), 'pa-export-'));
  let notes: Annotation[] = [];

  suiteSetup(async () => {
    await activateExtension();
    copyFileSync(workspacePath('seeds', '002_da90e588b2ada6c6.txt'), workspacePath(...DOC.split('/')));
    const text = normalizeText(readFileSync(workspacePath(...DOC.split('/')), 'utf8'));
    notes = [];
    for (const quote of ['advanced manufacturing', 'wealth gap']) {
      const start = text.indexOf(quote);
      notes.push((await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uri().toString(), start, end: start + quote.length, note: `about ${quote}` })) as Annotation);
    }
  });
  suiteTeardown(() => rmSync(out, { recursive: true, force: true }));

  test('exports CSV with one row per annotation', async () => {
    const file = join(out, 'all.csv');
    const summary = await vscode.commands.executeCommand<string>('policyAnnotator.exportAnnotations', { format: 'csv', out: file });
    assert.match(summary, /^exported \d+ annotations? from \d+ documents? as csv/);
    const rows = readFileSync(file, 'utf8').trim().split(/\r?\n/);
    assert.match(rows[0], /^document,id,kind,start,end,exact,/);
    for (const note of notes) assert.ok(rows.some((r) => r.startsWith(`${DOC},${note.id},note,`)), `row for ${note.id}`);
  });

  test('exports a REFI-QDA project as a zip', async () => {
    const file = join(out, 'project.qdpx');
    await vscode.commands.executeCommand('policyAnnotator.exportAnnotations', { format: 'qdpx', out: file });
    assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK');
  });

  test('refuses to export while a sidecar cannot be read, naming it, and writes nothing', async () => {
    const broken = workspacePath('annotations', 'seeds', 'transfer-broken.txt.yaml');
    copyFileSync(workspacePath('seeds', '002_da90e588b2ada6c6.txt'), workspacePath('seeds', 'transfer-broken.txt'));
    writeFileSync(broken, 'annotations: [\n');
    const file = join(out, 'refused.csv');
    try {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('policyAnnotator.exportAnnotations', { format: 'csv', out: file })), (e: Error) => /^Export failed, nothing written: annotations\/seeds\/transfer-broken\.txt\.yaml:\d+:\d+: error: /.test(e.message));
      assert.equal(existsSync(file), false);
    } finally {
      rmSync(broken);
      rmSync(workspacePath('seeds', 'transfer-broken.txt'));
    }
  });

  test('imports W3C annotations back into a sidecar, anchored on the same words', async () => {
    const file = join(out, 'all.jsonld');
    await vscode.commands.executeCommand('policyAnnotator.exportAnnotations', { format: 'w3c', out: file });
    const collection = JSON.parse(readFileSync(file, 'utf8'));
    const mine = collection.first.items.filter((item: { id: string }) => item.id.includes(`${DOC}#`));
    assert.equal(mine.length, notes.length);
    const only = join(out, 'only-this-document.jsonld');
    writeFileSync(only, JSON.stringify({ ...collection, total: mine.length, first: { ...collection.first, items: mine } }));

    rmSync(sidecarFile());
    await vscode.commands.executeCommand('policyAnnotator.importAnnotations', { format: 'w3c', files: [only] });
    assert.ok(existsSync(sidecarFile()), 'the sidecar was written again');
    const imported = readSidecar(readFileSync(sidecarFile(), 'utf8'), 'x').sidecar!.annotations;
    assert.deepEqual(imported.map((a) => [a.kind, a.anchor.exact, a.note]).sort(), notes.map((a) => [a.kind, a.anchor.exact, a.note]).sort());
  });

  test('exports a brat folder, and imports a REFI-QDA project back (the format chosen by the file name)', async () => {
    const folder = join(out, 'brat');
    await vscode.commands.executeCommand('policyAnnotator.exportAnnotations', { format: 'brat', out: folder });
    assert.ok(existsSync(join(folder, 'annotation.conf')));
    assert.match(readFileSync(join(folder, 'seeds', 'transfer-doc.ann'), 'utf8'), /^T\d+\tNote \d+ \d+\tadvanced manufacturing$/m);

    const project = join(out, 'again.qdpx');
    await vscode.commands.executeCommand('policyAnnotator.exportAnnotations', { format: 'qdpx', out: project });
    // The project holds every document: the other sidecars get their annotations again, so they are put back after.
    const others = readdirSync(workspacePath('annotations', 'seeds')).filter((f) => !f.startsWith('transfer-doc'));
    const saved = others.map((f) => [f, readFileSync(workspacePath('annotations', 'seeds', f))] as const);
    rmSync(sidecarFile());
    await vscode.commands.executeCommand('policyAnnotator.importAnnotations', { files: [project] });
    for (const [f, bytes] of saved) writeFileSync(workspacePath('annotations', 'seeds', f), bytes);
    const imported = readSidecar(readFileSync(sidecarFile(), 'utf8'), 'x').sidecar!.annotations;
    assert.deepEqual(imported.map((a) => [a.kind, a.anchor.exact, a.note]).sort(), notes.map((a) => [a.kind, a.anchor.exact, a.note]).sort());
  });
});
