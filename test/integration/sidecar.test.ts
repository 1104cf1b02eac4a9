import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createAnchor, fingerprint, normalizeText } from '../../src/core/anchoring';
import { Annotation, Sidecar } from '../../src/core/model';
import { readSidecar } from '../../src/core/store/readSidecar';
import { writeSidecar } from '../../src/core/store/writeSidecar';
import type { PolicyAnnotatorApi } from '../../src/vscode/api';
import { activateExtension, closeAllEditors, waitFor, workspacePath } from './helpers';

// Annotations must survive edits in the editor, saves, and changes to the sidecar made on disk.

const stamp = { author: 'Integration Test', created: '2026-11-22T10:00:00Z', modified: '2026-11-22T10:00:00Z' };

/** Writes a sidecar for a workspace document with one note per quote, anchored on the file as it is. */
function writeNotes(documentPath: string, quotes: Record<string, string>): string {
  const bytes = readFileSync(workspacePath(...documentPath.split('/')));
  const text = normalizeText(bytes.toString('utf8'));
  const annotations: Annotation[] = Object.entries(quotes).map(([id, quote]) => {
    const start = text.indexOf(quote);
    assert.ok(start >= 0, `quote not in ${documentPath}: ${quote}`);
    return { id, kind: 'note', anchor: createAnchor(text, start, start + quote.length), note: `note ${id}`, ...stamp };
  });
  const sidecarFile = sidecarPath(documentPath);
  mkdirSync(path.dirname(sidecarFile), { recursive: true });
  writeFileSync(sidecarFile, writeSidecar({ schemaVersion: 1, document: documentPath, fingerprint: fingerprint(bytes), annotations }));
  return sidecarFile;
}

function sidecarPath(documentPath: string): string {
  return workspacePath('annotations', ...`${documentPath}.yaml`.split('/'));
}

function readSidecarFile(documentPath: string): Sidecar {
  const read = readSidecar(readFileSync(sidecarPath(documentPath), 'utf8'), documentPath);
  assert.deepEqual(read.problems, []);
  return read.sidecar!;
}

/** Opens a document and waits until the extension has placed exactly the annotations `ids`. */
async function open(documentPath: string, ids: string[]): Promise<{ editor: vscode.TextEditor; api: PolicyAnnotatorApi }> {
  const api = await activateExtension<PolicyAnnotatorApi>();
  const document = await vscode.workspace.openTextDocument(workspacePath(...documentPath.split('/')));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await waitFor(async () => {
    await api.whenIdle();
    const found = [...(await byId(api, document.uri)).keys()].sort();
    return JSON.stringify(found) === JSON.stringify([...ids].sort());
  }, { message: `annotations ${ids.join(', ')} in ${documentPath}` });
  return { editor, api };
}

async function byId(api: PolicyAnnotatorApi, uri: vscode.Uri) {
  return new Map((await api.annotations(uri)).map((a) => [a.annotation.id, a]));
}

suite('annotations survive edits', () => {
  const restore: Array<[string, Buffer | undefined]> = [];
  const remember = (file: string) => {
    let content: Buffer | undefined;
    try {
      content = readFileSync(file);
    } catch {
      content = undefined;
    }
    restore.push([file, content]);
  };

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
    for (const [file, content] of restore.splice(0)) if (content) writeFileSync(file, content);
  });

  test('anchors each annotation on its words when the document opens', async () => {
    const doc = 'seeds/003_892e88a64976a510.txt';
    remember(workspacePath(...doc.split('/')));
    writeNotes(doc, { aaaa0001: 'smart city partnership plan', aaaa0002: 'Leung Chun-ying administration' });
    const { editor, api } = await open(doc, ['aaaa0001', 'aaaa0002']);
    const found = await byId(api, editor.document.uri);
    assert.equal(found.get('aaaa0001')?.status, 'anchored');
    assert.equal(found.get('aaaa0001')?.text, 'smart city partnership plan');
    assert.equal(found.get('aaaa0002')?.text, 'Leung Chun-ying administration');
  });

  test('typing before an annotation moves it, and saving writes the new offsets', async () => {
    const doc = 'seeds/002_da90e588b2ada6c6.txt';
    remember(workspacePath(...doc.split('/')));
    const sidecarFile = writeNotes(doc, { bbbb0001: 'advanced manufacturing', bbbb0002: 'reindustrialization campaign' });
    remember(sidecarFile);
    const before = readSidecarFile(doc);
    const { editor, api } = await open(doc, ['bbbb0001', 'bbbb0002']);
    const inserted = 'EDITOR’S NOTE: an inserted line.\n';
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), inserted));

    const live = await byId(api, editor.document.uri);
    assert.equal(live.get('bbbb0001')?.text, 'advanced manufacturing');
    assert.equal(live.get('bbbb0002')?.text, 'reindustrialization campaign');
    assert.deepEqual(readSidecarFile(doc), before, 'nothing is written before the document is saved');

    await editor.document.save();
    await api.whenIdle();
    const after = readSidecarFile(doc);
    for (const id of ['bbbb0001', 'bbbb0002']) {
      const old = before.annotations.find((a) => a.id === id)!.anchor;
      const now = after.annotations.find((a) => a.id === id)!.anchor;
      assert.equal(now.start, old.start + inserted.length, `${id} start`);
      assert.equal(now.exact, old.exact);
    }
    assert.equal(after.fingerprint, fingerprint(readFileSync(workspacePath(...doc.split('/')))));
  });

  test('typing inside an annotation stretches it; deleting its words orphans it but keeps it', async () => {
    const doc = 'seeds/003_892e88a64976a510.txt';
    remember(workspacePath(...doc.split('/')));
    remember(writeNotes(doc, { cccc0001: 'smart city partnership plan', cccc0002: 'Leung Chun-ying administration' }));
    const { editor, api } = await open(doc, ['cccc0001', 'cccc0002']);
    const first = (await byId(api, editor.document.uri)).get('cccc0001')!;
    await editor.edit((e) => e.insert(first.range!.start.translate(0, 'smart city'.length), ' data'));
    assert.equal((await byId(api, editor.document.uri)).get('cccc0001')?.text, 'smart city data partnership plan');

    const second = (await byId(api, editor.document.uri)).get('cccc0002')!;
    await editor.edit((e) => e.delete(second.range!));
    const gone = (await byId(api, editor.document.uri)).get('cccc0002')!;
    assert.equal(gone.status, 'orphaned');
    assert.equal(gone.range, undefined);

    await editor.document.save();
    await api.whenIdle();
    const saved = readSidecarFile(doc);
    assert.equal(saved.annotations.find((a) => a.id === 'cccc0001')?.anchor.exact, 'smart city data partnership plan');
    const orphan = saved.annotations.find((a) => a.id === 'cccc0002');
    assert.equal(orphan?.review?.status, 'orphaned', 'the orphaned annotation is kept and marked');
    assert.equal(orphan?.anchor.exact, 'Leung Chun-ying administration');
  });

  test('reloads and re-anchors when the sidecar changes on disk', async () => {
    const doc = 'seeds/004_37cb7f1bcf4e8cbd.txt';
    remember(writeNotes(doc, { dddd0001: 'Digital Economy Summit' }));
    const { editor, api } = await open(doc, ['dddd0001']);
    writeNotes(doc, { dddd0001: 'Digital Economy Summit', dddd0002: 'Sun Dong' });
    await waitFor(async () => (await byId(api, editor.document.uri)).get('dddd0002')?.text === 'Sun Dong', { message: 'the new annotation from disk to appear', timeoutMs: 15_000 });
  });

  test('a sidecar with a merge conflict is reported with its line and never overwritten', async () => {
    const doc = 'seeds/001_79ead2d7149b2ec1.txt';
    remember(workspacePath(...doc.split('/')));
    const sidecarFile = writeNotes(doc, { eeee0001: 'Alfred Sit' });
    remember(sidecarFile);
    const conflicted = readFileSync(sidecarFile, 'utf8').replace(/^( {4}note: .*)$/m, '<<<<<<< HEAD\n$1\n=======\n    note: theirs\n>>>>>>> feature');
    writeFileSync(sidecarFile, conflicted);
    // Another suite may have this document open already: whatever it holds in memory must survive.
    const api = await activateExtension<PolicyAnnotatorApi>();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspacePath(...doc.split('/'))), { preview: false });
    // Other diagnostics may stand on the file too (this suite replaced the sidecars that the corpus's links point into).
    const conflict = await waitFor(() => vscode.languages.getDiagnostics(vscode.Uri.file(sidecarFile)).find((d) => /merge conflict marker/.test(d.message)), { message: 'the conflict on the conflicted sidecar' });
    const markerLine = conflicted.split('\n').findIndex((l) => l.startsWith('<<<<<<<'));
    assert.equal(conflict.range.start.line, markerLine);

    await api.whenIdle();
    const before = (await api.annotations(editor.document.uri)).map((a) => a.annotation.id);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'x'));
    await editor.document.save();
    await api.whenIdle();
    assert.equal(readFileSync(sidecarFile, 'utf8'), conflicted, 'the unreadable sidecar is left as it was');
    assert.deepEqual((await api.annotations(editor.document.uri)).map((a) => a.annotation.id), before, 'annotations held in memory are kept');
  });

  test('offsets in a CRLF document count line ends as LF', async () => {
    const doc = 'seeds/crlf-copy.txt';
    const source = readFileSync(workspacePath('seeds', '000_d3c97eb98561e2fd.txt'), 'utf8');
    writeFileSync(workspacePath('seeds', 'crlf-copy.txt'), '\ufeff' + source.replace(/\n/g, '\r\n'));
    writeNotes(doc, { ffff0001: 'Central Urban Work Conference' });
    const { editor, api } = await open(doc, ['ffff0001']);
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
    const note = (await byId(api, editor.document.uri)).get('ffff0001')!;
    assert.equal(note.status, 'anchored');
    assert.equal(note.text, 'Central Urban Work Conference');
  });
});
