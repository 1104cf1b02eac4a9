import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { normalizeText } from '../../src/core/anchoring';
import type { DiffReport } from '../../src/core/diff';
import { Annotation } from '../../src/core/model';
import type { PolicyAnnotatorApi } from '../../src/vscode/api';
import { activateExtension, closeAllEditors, workspacePath, workspaceRoot } from './helpers';

// Review Annotation Changes…: a real git repository, a commit, then changes in the working tree.

const DOC = 'seeds/review-doc.txt';
const uri = () => vscode.Uri.file(workspacePath(...DOC.split('/')));
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Reviewer', '-c', 'user.email=r@example.invalid', ...args], { cwd: workspaceRoot(), encoding: 'utf8' });

function span(quote: string): { start: number; end: number } {
  const text = normalizeText(readFileSync(workspacePath(...DOC.split('/')), 'utf8'));
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { start, end: start + quote.length };
}

const addNote = async (quote: string, note: string) => (await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uri().toString(), ...span(quote), note })) as Annotation;

suite('review annotation changes', () => {
  suiteSetup(() => copyFileSync(workspacePath('seeds', '003_892e88a64976a510.txt'), workspacePath(...DOC.split('/'))));
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('policyAnnotator.closeReview');
    await closeAllEditors();
    rmSync(workspacePath('.git'), { recursive: true, force: true });
  });

  test('lists added, removed and changed annotations since HEAD, and shows old → new in the hover', async () => {
    const api = await activateExtension<PolicyAnnotatorApi>();
    git('init', '-q');
    const kept = await addNote('smart city partnership plan', 'before');
    const dropped = await addNote('Leung Chun-ying administration', 'to be removed');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');

    await vscode.commands.executeCommand('policyAnnotator.editAnnotation', { uri: uri().toString(), id: kept.id, patch: { note: 'after' } });
    await vscode.commands.executeCommand('policyAnnotator.deleteAnnotation', { uri: uri().toString(), id: dropped.id });
    const added = await addNote('big data', 'new since the commit');

    const report = (await vscode.commands.executeCommand('policyAnnotator.reviewChanges', { base: 'HEAD' })) as DiffReport;
    const doc = report.documents.find((d) => d.document === DOC)!;
    assert.deepEqual(doc.added.map((a) => a.id), [added.id]);
    assert.deepEqual(doc.removed.map((a) => a.id), [dropped.id]);
    const changed = doc.changed.find((c) => c.id === kept.id)!;
    assert.deepEqual(changed.changes.filter((f) => f.field !== 'modified').map((f) => [f.field, f.before, f.after]), [['note', 'before', 'after']]);

    const provider = api.views.review;
    const [documentNode] = provider.getChildren().filter((n) => n.type === 'document' && n.document.document === DOC);
    const labels = provider.getChildren(documentNode).map((n) => String(provider.getTreeItem(n).label));
    assert.ok(labels.includes('added note: big data'), JSON.stringify(labels));
    assert.ok(labels.some((l) => l.startsWith('removed note: Leung Chun-ying administration')));
    assert.ok(labels.some((l) => l.startsWith('changed note: smart city partnership plan')));

    const document = await vscode.workspace.openTextDocument(uri());
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(), document.positionAt(document.getText().indexOf('smart city partnership plan') + 2));
    // appendText escapes spaces and punctuation; read it as a person sees it.
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(text, /Changed since HEAD \(note /);
    assert.match(text, /note: "?before"? → "?after"?/);
  });

  test('a revision that does not exist is refused with a clear message', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('policyAnnotator.reviewChanges', { base: 'no-such-branch' })), /'no-such-branch' is not a commit/);
  });
});
