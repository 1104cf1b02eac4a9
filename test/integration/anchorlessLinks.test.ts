import * as assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { AnchorlessLink, Claim } from '../../src/core/model';
import type { PolicyAnnotatorApi } from '../../src/vscode/api';
import { offsetsOf, sidecar } from './documents';
import { activateExtension, closeAllEditors, waitFor, workspacePath } from './helpers';

// A link between two claims with no words of its own (issue 16): Link To… inside a claim and drag and drop
// create one; the claim's words keep one hover card, which lists the link; Cross-references lists it.

const A = 'seeds/anchorless-a.txt';
const B = 'seeds/anchorless-b.txt';
const uriOf = (documentPath: string) => vscode.Uri.file(workspacePath(...documentPath.split('/')));

async function hoverText(documentPath: string, quote: string): Promise<{ text: string; cards: number }> {
  const document = await vscode.workspace.openTextDocument(uriOf(documentPath));
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offsetsOf(documentPath, quote).start + 2));
  const parts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).filter((t) => /\*\*(Claim|Stance|Note|Link)\*\*/.test(t));
  const text = parts.join('\n');
  return { text, cards: (text.match(/\*\*(Claim|Stance|Note|Link)\*\*/g) ?? []).length };
}

suite('anchorless links', () => {
  let api: PolicyAnnotatorApi;
  let claimA: Claim;
  let claimB: Claim;

  suiteSetup(async () => {
    copyFileSync(workspacePath('seeds', '000_d3c97eb98561e2fd.txt'), workspacePath(...A.split('/')));
    copyFileSync(workspacePath('seeds', '002_da90e588b2ada6c6.txt'), workspacePath(...B.split('/')));
    api = await activateExtension<PolicyAnnotatorApi>();
    await vscode.window.showTextDocument(uriOf(A));
    claimA = (await vscode.commands.executeCommand('policyAnnotator.addClaim', { uri: uriOf(A).toString(), ...offsetsOf(A, 'Lantau reclamation'), snap: false, label: 'Reclaim land off Lantau', speaker: 'author', claimType: 'proposal' })) as Claim;
    claimB = (await vscode.commands.executeCommand('policyAnnotator.addClaim', { uri: uriOf(B).toString(), ...offsetsOf(B, 'wealth gap'), snap: false, label: 'The wealth gap is wide', speaker: 'author', claimType: 'factual' })) as Claim;
  });
  suiteTeardown(closeAllEditors);

  test('Link To… inside a claim, to another claim, writes a link with no anchor; the hover shows one card listing it', async () => {
    const link = (await vscode.commands.executeCommand('policyAnnotator.linkTo', { uri: uriOf(A).toString(), ...offsetsOf(A, 'Lantau reclamation'), to: `${B}#${claimB.id}`, relation: 'contradicts' })) as AnchorlessLink;
    assert.ok(!('anchor' in link), 'the link has no anchor');
    await api.whenIdle();
    const saved = sidecar(A);
    assert.deepEqual(saved.links?.map((l) => [l.id, l.from, l.to, l.relation]), [[link.id, `#${claimA.id}`, `${B}#${claimB.id}`, 'contradicts']]);
    assert.ok(!saved.annotations.some((a) => a.kind === 'link'), 'no anchored link was written');
    assert.match(readFileSync(workspacePath('annotations', ...`${A}.yaml`.split('/')), 'utf8'), new RegExp(`- id: ${link.id}\\n    kind: link\\n    from: "#${claimA.id}"\\n`));

    const fromSide = await hoverText(A, 'Lantau reclamation');
    assert.equal(fromSide.cards, 1, `one card on the claim's words: ${fromSide.text}`);
    assert.match(fromSide.text, /\*\*Claim\*\* — Reclaim land off Lantau/);
    assert.match(fromSide.text, /→ contradicts \[seeds.*anchorless.*b.*The wealth gap is wide\]\(command:policyAnnotator\.revealAnnotation/);
    const toSide = await hoverText(B, 'wealth gap');
    assert.equal(toSide.cards, 1);
    assert.match(toSide.text, /← contradicts from \[seeds.*anchorless.*a.*Reclaim land off Lantau\]/);
  });

  test('Cross-references lists the link; clicking it opens the from claim; Delete removes it and Undo brings it back', async () => {
    const provider = api.views.trees.links;
    const row = async () => {
      await provider.settled();
      const nodes = (await Promise.all((await provider.getChildren()).map((g) => provider.getChildren(g)))).flat();
      return nodes.find((n) => n.type === 'link' && n.entry.documentPath === A);
    };
    const node = await waitFor(row, { message: 'the anchorless link in Cross-references' });
    const item = provider.getTreeItem(node);
    assert.equal(item.label, 'contradicts → The wealth gap is wide (anchorless-b.txt)');
    assert.equal(item.description, 'from “Reclaim land off Lantau”');
    assert.equal(item.contextValue, 'anchorless kind-link');

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, uriOf(A).fsPath, 'the from claim’s document opened');
    assert.equal(editor.document.getText(editor.selection), 'Lantau reclamation', 'its words selected');

    await vscode.commands.executeCommand('policyAnnotator.deleteAnnotation', node);
    await api.whenIdle();
    assert.equal(sidecar(A).links, undefined, 'the link is gone from the sidecar');
    assert.equal(await row(), undefined);
    await vscode.commands.executeCommand('policyAnnotator.undo');
    await api.whenIdle();
    assert.equal(sidecar(A).links?.length, 1, 'undo brought it back');
  });

  test('deleting a linked claim keeps the link and lists it in Needs Review', async () => {
    await vscode.commands.executeCommand('policyAnnotator.deleteAnnotation', { uri: uriOf(B).toString(), id: claimB.id });
    await api.whenIdle();
    const provider = api.views.trees.review;
    const labels = await waitFor(async () => {
      await provider.settled();
      const nodes = (await Promise.all((await provider.getChildren()).map((g) => provider.getChildren(g)))).flat();
      const found = nodes.filter((n) => n.type === 'link').map((n) => String(provider.getTreeItem(n).description));
      return found.length ? found : undefined;
    }, { message: 'the broken anchorless link in Needs Review' });
    assert.deepEqual(labels, [`broken link: ${B}#${claimB.id} does not exist`]);
    assert.equal(sidecar(A).links?.length, 1, 'the link is kept');
    // The Problems view shows it at the link's `to` line of A's sidecar.
    const file = vscode.Uri.file(workspacePath('annotations', ...`${A}.yaml`.split('/')));
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(file).find((d) => d.message === `broken link: ${B}#${claimB.id} does not exist`), { message: 'the broken link in the Problems view', timeoutMs: 20_000 });
    const toLine = readFileSync(file.fsPath, 'utf8').split('\n').findIndex((l) => l.trim() === `to: ${B}#${claimB.id}`);
    assert.ok(toLine > 0, 'the sidecar holds the link');
    assert.equal(diagnostic.range.start.line, toLine);
  });
});
