import * as assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { fingerprint, normalizeText } from '../../src/core/anchoring';
import { Annotation, Claim } from '../../src/core/model';
import { writeSidecar } from '../../src/core/store/writeSidecar';
import type { PolicyAnnotatorApi } from '../../src/vscode/api';
import type { ViewKind } from '../../src/vscode/tree/treeNodes';
import { offsetsOf, sidecar } from './documents';
import { activateExtension, closeAllEditors, waitFor, workspacePath } from './helpers';

// Every annotation command, run with arguments that skip the prompts, checked in the sidecar, the views and the editor.

const A = 'seeds/editing-a.txt';
const B = 'seeds/editing-b.txt';

const inSidecar = (documentPath: string, id: string) => sidecar(documentPath).annotations.find((a) => a.id === id);
const uriOf = (documentPath: string) => vscode.Uri.file(workspacePath(...documentPath.split('/')));

async function treeLabels(api: PolicyAnnotatorApi, view: ViewKind): Promise<string[]> {
  const provider = api.views.trees[view];
  await provider.settled();
  const labels: string[] = [];
  for (const group of await provider.getChildren()) {
    for (const child of await provider.getChildren(group)) labels.push(`${group.type === 'group' ? group.label : ''} | ${String(provider.getTreeItem(child).label)}`);
  }
  return labels;
}

suite('annotating in the editor', () => {
  let api: PolicyAnnotatorApi;

  suiteSetup(async () => {
    copyFileSync(workspacePath('seeds', '000_d3c97eb98561e2fd.txt'), workspacePath(...A.split('/')));
    copyFileSync(workspacePath('seeds', '002_da90e588b2ada6c6.txt'), workspacePath(...B.split('/')));
    api = await activateExtension<PolicyAnnotatorApi>();
    await vscode.window.showTextDocument(uriOf(A));
  });
  suiteTeardown(closeAllEditors);

  test('Add Claim snaps to the sentence and writes the sidecar, the tree, the decorations and the status bar', async () => {
    const claim = (await vscode.commands.executeCommand('policyAnnotator.addClaim', {
      uri: uriOf(A).toString(),
      ...offsetsOf(A, 'lower share'),
      label: 'Hong Kong spends a lower share of GDP on R&D',
      speaker: 'author',
      claimType: 'factual',
      tags: ['editing-test'],
    })) as Claim;
    assert.match(claim.anchor.exact, /^Given that Hong Kong is spending a lower share .* in these areas\.$/);
    const saved = inSidecar(A, claim.id) as Claim;
    assert.equal(saved.label, 'Hong Kong spends a lower share of GDP on R&D');
    assert.deepEqual(saved.tags, ['editing-test']);
    assert.equal(saved.anchor.exact, claim.anchor.exact);

    assert.ok((await treeLabels(api, 'claims')).includes(`${A} | Hong Kong spends a lower share of GDP on R&D`));
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uriOf(A).toString())!;
    const claims = api.views.decorations.rangesFor(editor).claim;
    assert.ok(claims.some((r) => editor.document.getText(r) === claim.anchor.exact), 'the claim is highlighted');
    await waitFor(() => api.views.statusBar.text.includes('$(comment-discussion) 1'), { message: 'status bar counts the claim' });
  });

  test('Add Stance and Add Note write their fields; claims without snapping keep the selection', async () => {
    const stance = (await vscode.commands.executeCommand('policyAnnotator.addStance', {
      uri: uriOf(A).toString(),
      ...offsetsOf(A, 'should serve as a wake-up call for Hong Kong'),
      holder: 'author',
      target: 'topic:following mainland industrial trends',
      polarity: 'oppose',
    })) as Annotation;
    assert.deepEqual(pick(inSidecar(A, stance.id)!, ['kind', 'holder', 'target', 'polarity']), { kind: 'stance', holder: 'author', target: 'topic:following mainland industrial trends', polarity: 'oppose' });

    const note = (await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uriOf(A).toString(), ...offsetsOf(A, 'Cyberport'), note: 'Which Cyberport programmes?' })) as Annotation;
    assert.equal(inSidecar(A, note.id)?.note, 'Which Cyberport programmes?');

    const exact = (await vscode.commands.executeCommand('policyAnnotator.addClaim', { uri: uriOf(A).toString(), ...offsetsOf(A, 'Hong Kong’s role as a connector may diminish'), snap: false, label: 'Connector role may shrink', speaker: 'author', claimType: 'predictive' })) as Claim;
    assert.equal(inSidecar(A, exact.id)?.anchor.exact, 'Hong Kong’s role as a connector may diminish');
    assert.ok((await treeLabels(api, 'stances')).some((l) => l.endsWith('Author · oppose · following mainland industrial trends')));
  });

  test('Link To… links across documents, and the hover shows it from both ends', async () => {
    const target = (await vscode.commands.executeCommand('policyAnnotator.addClaim', { uri: uriOf(B).toString(), ...offsetsOf(B, 'now only accounts for 1 percent of GDP'), label: 'Manufacturing is 1% of GDP', speaker: 'author', claimType: 'factual' })) as Claim;
    const link = (await vscode.commands.executeCommand('policyAnnotator.linkTo', { uri: uriOf(A).toString(), ...offsetsOf(A, 'industrial diversification'), to: `${B}#${target.id}`, relation: 'elaborates' })) as Annotation;
    assert.deepEqual(pick(inSidecar(A, link.id)!, ['kind', 'from', 'to', 'relation']), { kind: 'link', from: `#${link.id}`, to: `${B}#${target.id}`, relation: 'elaborates' });
    const links = await treeLabels(api, 'links');
    assert.ok(links.includes(`${A} | elaborates → Manufacturing is 1% of GDP (editing-b.txt)`), `the link names its target: ${JSON.stringify(links)}`);

    const documentB = await vscode.workspace.openTextDocument(uriOf(B));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uriOf(B), documentB.positionAt(documentB.getText().indexOf('only accounts for') + 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Claim\*\* — Manufacturing is 1\\?% of GDP/); // '%' may be escaped; it renders the same
    assert.match(text, /← elaborates from/);
    assert.match(text, /command:policyAnnotator\.revealAnnotation/);
  });

  test('Edit Annotation and Change Kind rewrite only what they change', async () => {
    const claim = (await vscode.commands.executeCommand('policyAnnotator.addClaim', { uri: uriOf(A).toString(), ...offsetsOf(A, 'Central Urban Work Conference'), label: 'Before', speaker: 'author', claimType: 'factual' })) as Claim;
    await vscode.commands.executeCommand('policyAnnotator.editAnnotation', { uri: uriOf(A).toString(), id: claim.id, patch: { label: 'After', claimType: 'normative' } });
    assert.deepEqual(pick(inSidecar(A, claim.id)!, ['label', 'claimType', 'created']), { label: 'After', claimType: 'normative', created: claim.created });
    await vscode.commands.executeCommand('policyAnnotator.changeKind', { uri: uriOf(A).toString(), id: claim.id, kind: 'note', patch: { note: 'now a note' } });
    const changed = inSidecar(A, claim.id)!;
    assert.equal(changed.kind, 'note');
    assert.equal(changed.note, 'now a note');
    assert.equal((changed as unknown as Record<string, unknown>).label, undefined);
  });

  test('Delete removes an annotation and Undo brings it back', async () => {
    const note = (await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uriOf(A).toString(), ...offsetsOf(A, 'public housing'), note: 'keep me' })) as Annotation;
    await vscode.commands.executeCommand('policyAnnotator.deleteAnnotation', { uri: uriOf(A).toString(), id: note.id });
    assert.equal(inSidecar(A, note.id), undefined);
    const undone = await vscode.commands.executeCommand<string>('policyAnnotator.undo');
    assert.match(undone, new RegExp(`Deleted note ${note.id}`));
    assert.equal(inSidecar(A, note.id)?.note, 'keep me');
  });

  test('an orphaned annotation is listed in Needs Review and can be re-attached to a selection', async () => {
    const note = (await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uriOf(A).toString(), ...offsetsOf(A, 'assessing debt risk'), note: 'debt' })) as Annotation;
    const editor = await vscode.window.showTextDocument(uriOf(A));
    const live = (await api.annotations(uriOf(A))).find((a) => a.annotation.id === note.id)!;
    await editor.edit((e) => e.delete(live.range!));
    await editor.document.save();
    await api.whenIdle();
    assert.equal(inSidecar(A, note.id)?.review?.status, 'orphaned');
    await waitFor(async () => (await treeLabels(api, 'review')).some((l) => l.endsWith('| debt')), { message: 'the orphan in Needs Review' });

    await vscode.commands.executeCommand('policyAnnotator.reattach', { uri: uriOf(A).toString(), id: note.id, ...offsetsOf(A, 'existing capacity') });
    const reattached = inSidecar(A, note.id)!;
    assert.equal(reattached.anchor.exact, 'existing capacity');
    assert.equal(reattached.review, undefined);
  });

  test('Mark as Reviewed clears a review entry that came from disk (e.g. a merge conflict)', async () => {
    const note = (await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uriOf(A).toString(), ...offsetsOf(A, 'innovation corridors'), note: 'x' })) as Annotation;
    const file = workspacePath('annotations', ...`${A}.yaml`.split('/'));
    const text = readFileSync(file, 'utf8');
    const flagged = sidecar(A);
    flagged.annotations.find((a) => a.id === note.id)!.review = { status: 'conflict', reason: 'changed on both sides' };
    writeFileSync(file, writeSidecar(flagged, text));
    await waitFor(async () => (await api.annotations(uriOf(A))).find((a) => a.annotation.id === note.id)?.annotation.review?.status === 'conflict', { message: 'the review entry to load' });
    assert.ok((await treeLabels(api, 'review')).some((l) => l.endsWith('| x')), 'listed in Needs Review');

    await vscode.commands.executeCommand('policyAnnotator.acceptReview', { uri: uriOf(A).toString(), id: note.id });
    assert.equal(inSidecar(A, note.id)?.review, undefined);
    assert.ok(!(await treeLabels(api, 'review')).some((l) => l.endsWith('| x')), 'gone from Needs Review');
  });

  test('Copy Quote and Copy Link put the quote and a path#id reference on the clipboard', async () => {
    const note = (await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uriOf(A).toString(), ...offsetsOf(A, 'life sciences'), note: 'copy me' })) as Annotation;
    await vscode.commands.executeCommand('policyAnnotator.copyQuote', { uri: uriOf(A).toString(), id: note.id });
    assert.equal(await vscode.env.clipboard.readText(), 'life sciences');
    await vscode.commands.executeCommand('policyAnnotator.copyLink', { uri: uriOf(A).toString(), id: note.id });
    assert.equal(await vscode.env.clipboard.readText(), `${A}#${note.id}`);
  });

  test('the views filter by words, tags and kind, and group by speaker', async () => {
    try {
      await vscode.commands.executeCommand('policyAnnotator.filter', 'tag:editing-test');
      assert.deepEqual(await treeLabels(api, 'claims'), [`${A} | Hong Kong spends a lower share of GDP on R&D`]);
      await vscode.commands.executeCommand('policyAnnotator.filter', 'connector role');
      const words = await treeLabels(api, 'claims');
      assert.ok(words.includes(`${A} | Connector role may shrink`), JSON.stringify(words));
      assert.ok(!words.some((l) => l.includes('Hong Kong spends a lower share')), 'claims without the words are hidden');
      await vscode.commands.executeCommand('policyAnnotator.filter', 'kind:stance');
      assert.deepEqual(await treeLabels(api, 'claims'), [], 'a kind filter for stances leaves no claims');
      await vscode.commands.executeCommand('policyAnnotator.clearFilter');
      await vscode.commands.executeCommand('policyAnnotator.groupByParty');
      assert.ok((await treeLabels(api, 'claims')).includes('The author | Manufacturing is 1% of GDP'));
    } finally {
      await vscode.commands.executeCommand('policyAnnotator.clearFilter');
      await vscode.commands.executeCommand('policyAnnotator.groupByDocument');
    }
  });

  test('a broken cross-reference is listed in Needs Review', async () => {
    await vscode.commands.executeCommand('policyAnnotator.linkTo', { uri: uriOf(A).toString(), ...offsetsOf(A, 'vicious competition'), to: `${B}#zzzz9999`, relation: 'cites' });
    assert.ok((await treeLabels(api, 'review')).some((l) => l.includes(`cites → ${B}#zzzz9999`)));
  });
  test('dropping one annotation on another in the tree links them', async () => {
    const source = (await vscode.commands.executeCommand('policyAnnotator.addClaim', { uri: uriOf(A).toString(), ...offsetsOf(A, 'Lantau reclamation'), snap: false, label: 'Drag source', speaker: 'author', claimType: 'proposal' })) as Claim;
    const target = (await vscode.commands.executeCommand('policyAnnotator.addClaim', { uri: uriOf(B).toString(), ...offsetsOf(B, 'wealth gap'), snap: false, label: 'Drop target', speaker: 'author', claimType: 'factual' })) as Claim;
    const provider = api.views.trees.claims;
    await provider.settled();
    const nodes = (await Promise.all((await provider.getChildren()).map((g) => provider.getChildren(g)))).flat();
    const byLabel = (label: string) => nodes.find((n) => String(provider.getTreeItem(n).label) === label)!;
    const transfer = new vscode.DataTransfer();
    provider.handleDrag([byLabel('Drag source')], transfer);
    const dropped = provider.handleDrop(byLabel('Drop target'), transfer);
    // The drop asks for the relation; choose the first one offered (arrow down, then Enter: the pick has
    // no silent default, so Enter alone chooses nothing).
    let done = false;
    void dropped.finally(() => (done = true));
    for (let i = 0; i < 50 && !done; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    await dropped;
    const link = sidecar(A).links?.find((l) => l.from === `#${source.id}`);
    assert.ok(link, 'a link from the dragged claim was written');
    assert.equal(link.to, `${B}#${target.id}`);
    assert.ok(!('anchor' in link), 'the link has no words of its own: the dragged claim’s words keep one hover card');
  });
  test('a sidecar written on disk for a document that is not open shows in the views (workspace index)', async () => {
    const doc = 'seeds/closed-doc.txt';
    copyFileSync(workspacePath('seeds', '003_892e88a64976a510.txt'), workspacePath(...doc.split('/')));
    const text = normalizeText(readFileSync(workspacePath(...doc.split('/')), 'utf8'));
    const start = text.indexOf('big data');
    const claim: Claim = {
      id: 'clsd0001', kind: 'claim', label: 'Written by another tool', speaker: 'author', claimType: 'factual',
      anchor: { exact: 'big data', prefix: '', suffix: '', start, end: start + 8 },
      author: 'CLI', created: '2026-11-22T10:00:00Z', modified: '2026-11-22T10:00:00Z',
    };
    const bytes = readFileSync(workspacePath(...doc.split('/')));
    writeFileSync(workspacePath('annotations', 'seeds', 'closed-doc.txt.yaml'), writeSidecar({ schemaVersion: 1, document: doc, fingerprint: fingerprint(bytes), annotations: [claim] }));
    await waitFor(async () => (await treeLabels(api, 'claims')).includes(`${doc} | Written by another tool`), { message: 'the new sidecar in the Claims view' });
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath.endsWith('closed-doc.txt')), 'the document itself was never opened');
  });
});

function pick(a: Annotation, keys: string[]): Record<string, unknown> {
  const record = a as unknown as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, record[k]]));
}
