import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { fingerprint, normalizeText } from '../../../src/core/anchoring';
import { Annotation } from '../../../src/core/model';
import { readSidecar } from '../../../src/core/store/readSidecar';
import type { PolicyAnnotatorApi } from '../../../src/vscode/api';
import { RESTRICTED_MESSAGE } from '../../../src/vscode/review/registerReview';
import { TRANSFER_RESTRICTED } from '../../../src/vscode/transfer/transferCommands';
import { activateExtension, closeAllEditors, packageJson, waitFor, workspacePath } from '../helpers';

// Restricted Mode (scripts/test-restricted.mjs: code-server with Workspace Trust on, a folder never
// trusted, which is a git repository). Reading, decorating, hovering and annotating work; nothing runs
// git or any other program: no blob is stored, git-backed commands refuse with the reason.

const DOC = 'seeds/restricted.txt';
const uri = () => vscode.Uri.file(workspacePath(...DOC.split('/')));
const sidecarFile = () => workspacePath('annotations', ...`${DOC}.yaml`.split('/'));
const inRepo = (blob: string) => {
  try {
    execFileSync('git', ['cat-file', '-e', blob], { cwd: workspacePath(), stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

suite('Restricted Mode', () => {
  let api: PolicyAnnotatorApi;
  suiteSetup(async () => {
    api = await activateExtension<PolicyAnnotatorApi>();
  });
  suiteTeardown(closeAllEditors);

  test('the workspace is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok(existsSync(workspacePath('.git')), 'the workspace is a git repository');
  });

  test('annotating works and the sidecar is written, but no git blob is stored, not even for unsaved text', async () => {
    const source = readFileSync(workspacePath('seeds', '000_d3c97eb98561e2fd.txt'));
    writeFileSync(workspacePath(...DOC.split('/')), source);
    const editor = await vscode.window.showTextDocument(uri(), { preview: false });
    await api.whenIdle();
    // Unsaved text: in a trusted workspace its blob would go to git so the anchors can be mapped later.
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'An unsaved first line.\n'));
    const text = normalizeText(editor.document.getText());
    const start = text.indexOf('Northern Metropolis');
    const note = (await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uri().toString(), start, end: start + 'Northern Metropolis'.length, note: 'restricted' })) as Annotation;
    await api.whenIdle();
    const read = readSidecar(readFileSync(sidecarFile(), 'utf8'), DOC);
    assert.deepEqual(read.problems, []);
    assert.ok(read.sidecar!.annotations.some((a) => a.id === note.id), 'the annotation is in the sidecar');
    assert.equal(read.sidecar!.fingerprint, fingerprint(new TextEncoder().encode(editor.document.getText())));
    assert.equal(inRepo(read.sidecar!.fingerprint), false, 'the unsaved text was not stored in git');

    assert.ok(await editor.document.save());
    await api.whenIdle();
    await waitFor(() => readSidecar(readFileSync(sidecarFile(), 'utf8'), DOC).sidecar?.fingerprint === fingerprint(readFileSync(uri().fsPath)), { message: 'the sidecar follows the save' });
    assert.equal(inRepo(fingerprint(readFileSync(uri().fsPath))), false, 'the saved text was not stored in git either');
  });

  test('hovering and decorating work', async () => {
    const editor = await vscode.window.showTextDocument(uri(), { preview: false });
    const live = (await api.annotations(uri())).find((a) => (a.annotation as { note?: string }).note === 'restricted')!;
    assert.ok(live?.range, 'the annotation is placed');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(), live.range.start.translate(0, 2));
    assert.match(hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'), /\*\*Note\*\*/);
    assert.ok(Object.values(api.views.decorations.rangesFor(editor)).some((ranges) => ranges.some((r) => r.isEqual(live.range!))), 'the annotation is highlighted');
  });

  test('commands that run git refuse with the reason', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('policyAnnotator.reviewChanges', { base: 'HEAD' })), (e: Error) => e.message === RESTRICTED_MESSAGE);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('policyAnnotator.exportAnnotations', { format: 'csv', out: workspacePath('out.csv') })), (e: Error) => e.message === TRANSFER_RESTRICTED);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('policyAnnotator.importAnnotations', { format: 'w3c', files: [workspacePath('x.json')] })), (e: Error) => e.message === TRANSFER_RESTRICTED);
    assert.equal(existsSync(workspacePath('out.csv')), false);
  });

  test('the manifest declares limited support, and no setting names a program to run', () => {
    const pkg = packageJson() as unknown as { capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations?: string[] } }; contributes: { configuration: { properties: Record<string, unknown> } } };
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    const executables = Object.keys(pkg.contributes.configuration.properties).filter((k) => /path|command|executable|program|binary|shell/i.test(k.replace(/^policyAnnotator\./, '')));
    assert.deepEqual(executables.filter((k) => !(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations ?? []).includes(k)), []);
  });
});
