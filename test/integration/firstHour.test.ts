import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../src/vscode/api';
import { activateExtension, closeAllEditors, openSeed, packageJson, sleep, waitFor, workspacePath } from './helpers';

// Issue 18, the first hour: no false alarm on the clean corpus, and the feedback a new user gets.

/**
 * Policy Annotator's diagnostics on the reference corpus (the catalogue, the five seeds and their
 * sidecars), not on fixtures other suites left beside them (some with links broken on purpose).
 */
function corpusDiagnostics(): string[] {
  const seed = /\/seeds\/\d{3}_[0-9a-f]{16}\.txt(\.yaml)?$/;
  return vscode.languages
    .getDiagnostics()
    .filter(([uri]) => uri.fsPath === workspacePath('annotations', 'entities.yaml') || seed.test(uri.fsPath))
    .flatMap(([uri, list]) => list.filter((d) => d.source === 'Policy Annotator').map((d) => `${vscode.workspace.asRelativePath(uri)}:${d.range.start.line + 1}: ${d.message}`));
}

/** Runs a command as a palette user would and dismisses whatever it asks, so none waits forever. */
async function runAndDismiss(command: string): Promise<void> {
  const running = Promise.resolve(vscode.commands.executeCommand(command)).then(
    () => undefined,
    () => undefined, // a command may refuse without a target (e.g. "select some words first"); that is not a diagnostic
  );
  await sleep(150);
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await Promise.race([running, sleep(2000)]);
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
}

suite('First hour: the catalogue is never checked as a sidecar', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(closeAllEditors);

  test('opening annotations/entities.yaml and running every command with it open leaves the corpus without a problem', async function () {
    this.timeout(180_000);
    const api = await activateExtension<PolicyAnnotatorApi>();
    await openSeed();
    const catalogue = await vscode.workspace.openTextDocument(workspacePath('annotations', 'entities.yaml'));
    await vscode.window.showTextDocument(catalogue, { preview: false });
    await api.whenIdle();
    await sleep(500);
    assert.deepEqual(corpusDiagnostics(), [], 'opening the catalogue shows no problem');

    // Commands that change settings for the whole window, or take back what other commands did, stay out.
    const skip = new Set(['policyAnnotator.toggleEntityDecorations', 'policyAnnotator.undo']);
    const commands = packageJson().contributes.commands.map((c) => c.command).filter((c) => !skip.has(c));
    assert.ok(commands.length > 30, `every contributed command: ${commands.length}`);
    for (const command of commands) {
      await vscode.window.showTextDocument(catalogue, { preview: false });
      await runAndDismiss(command);
    }
    await api.whenIdle();
    await sleep(500);
    assert.deepEqual(corpusDiagnostics(), [], 'after every command, with the catalogue open');
  });
});

suite('First hour: what a change says, and the filter in every view', () => {
  let api: PolicyAnnotatorApi;
  suiteSetup(async () => {
    api = await activateExtension<PolicyAnnotatorApi>();
  });
  teardown(async () => {
    await vscode.commands.executeCommand('policyAnnotator.clearFilter');
    await closeAllEditors();
  });

  test('adding a claim says so in the status bar, with Undo; undoing says that too; the new tint is not under a selection', async () => {
    const editor = await openSeed();
    const text = editor.document.getText();
    const start = text.indexOf('The Central Urban Work Conference');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 40));
    const claim = await vscode.commands.executeCommand<{ id: string }>('policyAnnotator.addClaim', { label: 'Feedback check', speaker: 'author', claimType: 'factual' });
    assert.ok(claim);
    assert.match(api.views.feedback.message, new RegExp(`^Added claim ${claim.id} “Feedback check”$`));
    assert.ok(editor.selection.isEmpty, 'the selection is gone, so the new tint shows');
    assert.ok(api.views.decorations.rangesFor(editor).claim.some((r) => r.contains(editor.selection.active)), 'the cursor is at the end of the tinted claim');
    await vscode.commands.executeCommand('policyAnnotator.undo');
    assert.match(api.views.feedback.message, new RegExp(`^Undone: Added claim ${claim.id}`));
  });

  test('a filter that matches nothing says so in each view, names the filter, and clears from that row', async () => {
    await vscode.commands.executeCommand('policyAnnotator.filter', 'tag:no-such-tag');
    for (const kind of ['claims', 'stances', 'links', 'review'] as const) {
      const provider = api.views.trees[kind];
      await provider.settled();
      const rows = await provider.getChildren();
      assert.equal(rows.length, 1, `${kind}: one row`);
      const item = provider.getTreeItem(rows[0]);
      assert.match(String(item.label), /^No .+ match “tag:no-such-tag”$/, `${kind}: ${String(item.label)}`);
      assert.equal(item.command?.command, 'policyAnnotator.clearFilter');
      assert.equal(provider.view?.description, '0 matching “tag:no-such-tag”');
    }
    assert.match(String(api.views.trees.stances.getTreeItem((await api.views.trees.stances.getChildren())[0]).label), /^No stances match/);
    await vscode.commands.executeCommand('policyAnnotator.clearFilter');
    const provider = api.views.trees.claims;
    await waitFor(async () => {
      await provider.settled();
      return (await provider.getChildren()).every((n) => n.type === 'group');
    }, { message: 'the claims come back once the filter is cleared' });
    assert.equal(provider.view?.description?.includes('matching'), false);
  });

  test('the highlight setting tints one kind, or the paragraph the cursor is in; every annotation keeps one gutter mark', async () => {
    const editor = await openSeed();
    const all = api.views.decorations.rangesFor(editor);
    const gutter = api.views.decorations.gutterFor(editor);
    const count = (r: Record<string, vscode.Range[]>) => Object.entries(r).filter(([k]) => k !== 'review').reduce((n, [, v]) => n + v.length, 0);
    assert.equal(count(gutter), count(all), 'one gutter mark per annotation');
    assert.ok(Object.values(gutter).flat().every((r) => r.isEmpty), 'each mark is one point: one line, not every wrapped line');
    try {
      await api.views.highlight.choose('stance');
      await waitFor(() => api.views.decorations.rangesFor(editor).claim.length === 0 && api.views.decorations.rangesFor(editor).stance.length > 0, { message: 'only stances tinted' });
      assert.match(api.views.highlight.text, /Stances/);
      await api.views.highlight.choose('paragraph');
      const line = all.claim[0].start.line;
      editor.selection = new vscode.Selection(line, 0, line, 0);
      await waitFor(() => {
        const shown = api.views.decorations.rangesFor(editor);
        return shown.claim.length > 0 && [...shown.claim, ...shown.stance, ...shown.note, ...shown.link].every((r) => r.start.line <= line && r.end.line >= line);
      }, { message: "only the cursor's paragraph tinted" });
    } finally {
      await api.views.highlight.choose('all');
    }
  });
});
