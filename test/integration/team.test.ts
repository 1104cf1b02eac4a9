import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { AgreementReport } from '../../src/core/agreement';
import { createAnchor, fingerprint, normalizeText } from '../../src/core/anchoring';
import { Annotation, Claim } from '../../src/core/model';
import { readSidecar } from '../../src/core/store/readSidecar';
import { writeSidecar } from '../../src/core/store/writeSidecar';
import type { PolicyAnnotatorApi } from '../../src/vscode/api';
import { activateExtension, closeAllEditors, waitFor, workspacePath } from './helpers';

// Team annotation: two authors annotate one document; the Disagreements view lists where they
// differ, a curator settles each (accept; edit and accept), and the result is ordinary sidecar YAML.

const DOC = 'seeds/team-doc.txt';
const SIDECAR = `annotations/${DOC}.yaml`;
const uri = () => vscode.Uri.file(workspacePath(...DOC.split('/')));
const stamp = { created: '2026-12-01T10:00:00Z', modified: '2026-12-01T10:00:00Z' };
const onDisk = () => readSidecar(readFileSync(workspacePath(...SIDECAR.split('/')), 'utf8'), SIDECAR).sidecar!.annotations;

function claim(text: string, id: string, author: string, quote: string, claimType: Claim['claimType']): Annotation {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { id, kind: 'claim', anchor: createAnchor(text, start, start + quote.length), label: quote, speaker: 'author', claimType, author, ...stamp };
}

async function configure(key: string, value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('policyAnnotator').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Rows of a tree's group for DOC: [id, description]. */
async function rows(provider: PolicyAnnotatorApi['views']['trees']['claims']): Promise<Array<[string, string]>> {
  await provider.settled();
  const group = (await provider.getChildren()).find((n) => n.type === 'group' && n.label === DOC);
  const children = group ? await provider.getChildren(group) : [];
  return children.flatMap((n) => (n.type === 'annotation' ? [[n.entry.annotation.id, String(provider.getTreeItem(n).description)] as [string, string]] : []));
}

/** After Accept: the Claims tree, the gutter and the status bar show the curated claim once, not the superseded versions; the toggle lists them. */
async function showsTheAnswerOnce(api: PolicyAnnotatorApi, curatedId: string): Promise<void> {
  const claims = api.views.trees.claims;
  const current = ['alice002', 'alice003', 'bob00002', curatedId].sort();
  const ids = async () => (await rows(claims)).map(([id]) => id).sort();
  await waitFor(async () => JSON.stringify(await ids()) === JSON.stringify(current), { message: `the Claims tree to list ${current.join(', ')} (has ${(await ids()).join(', ')})` });
  const editor = await vscode.window.showTextDocument(uri());
  await waitFor(() => api.views.decorations.gutterFor(editor).claim.length === 4, { message: 'four gutter marks: the curated claim once' });
  await waitFor(() => api.views.statusBar.text.startsWith('$(comment-discussion) 4 '), { message: `the status bar to count four claims (${api.views.statusBar.text})` });
  await vscode.commands.executeCommand('policyAnnotator.showSuperseded');
  const all = await waitFor(async () => {
    const r = await rows(claims);
    return r.length === 6 ? r : undefined;
  }, { message: 'Show Superseded Annotations to list the superseded versions' });
  assert.deepEqual(all.filter(([, d]) => d.startsWith('superseded')).sort(), [
    ['alice001', `superseded by ${curatedId}`],
    ['bob00001', `superseded by ${curatedId}`],
  ]);
  // Needs Review never nags about them, shown or not.
  assert.equal((await rows(api.views.trees.review)).filter(([id]) => id === 'alice001' || id === 'bob00001').length, 0);
  await vscode.commands.executeCommand('policyAnnotator.hideSuperseded');
  await waitFor(async () => JSON.stringify(await ids()) === JSON.stringify(current), { message: 'Hide Superseded Annotations to list the answer once again' });
}

suite('team annotation: agreement and adjudication', () => {
  suiteSetup(() => {
    copyFileSync(workspacePath('seeds', '002_da90e588b2ada6c6.txt'), workspacePath(...DOC.split('/')));
    const text = normalizeText(readFileSync(workspacePath(...DOC.split('/')), 'utf8'));
    const sentences = text.split(/(?<=\.)\s+/).filter((s) => s.length > 40 && !s.includes('\n'));
    const [one, two, three] = sentences;
    const annotations = [
      claim(text, 'alice001', 'Alice', one, 'factual'),
      claim(text, 'bob00001', 'Bob', one, 'normative'),
      claim(text, 'alice002', 'Alice', two, 'causal'),
      claim(text, 'bob00002', 'Bob', two, 'causal'),
      claim(text, 'alice003', 'Alice', three, 'predictive'),
    ];
    mkdirSync(workspacePath('annotations', 'seeds'), { recursive: true });
    writeFileSync(workspacePath(...SIDECAR.split('/')), writeSidecar({ schemaVersion: 1, document: DOC, fingerprint: fingerprint(readFileSync(workspacePath(...DOC.split('/')))), annotations }));
  });
  suiteTeardown(async () => {
    await configure('author', undefined);
    await configure('adjudication.others', undefined);
    await closeAllEditors();
    rmSync(workspacePath(...SIDECAR.split('/')), { force: true });
  });

  test('Show Agreement Between Authors opens the report with the figures and links to the passages', async () => {
    await activateExtension<PolicyAnnotatorApi>();
    const report = (await vscode.commands.executeCommand('policyAnnotator.showAgreement')) as AgreementReport;
    const field = report.fields.find((f) => f.kind === 'claim' && f.field === 'claimType')!;
    assert.equal(field.alpha.units, 2);
    assert.equal(field.cohen[0].units, 2);
    const preview = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.isUntitled && d.getText().startsWith('## Agreement')), { message: 'the agreement report' });
    assert.match(preview.getText(), /\| claim \| claimType \| /);
    assert.ok(preview.getText().includes(`${uri().toString()}#L`), 'links open the passage');
  });

  test('lists each disagreement with the competing versions side by side, and settles them into curated sidecar YAML', async () => {
    const api = await activateExtension<PolicyAnnotatorApi>();
    let report = (await vscode.commands.executeCommand('policyAnnotator.refreshDisagreements')) as AgreementReport;
    assert.deepEqual(report.annotators, ['Alice', 'Bob']);
    const mine = () => report.disagreements.filter((d) => d.document === DOC);
    assert.equal(mine().length, 2, JSON.stringify(mine()));
    const typeDiffers = mine().find((d) => d.fields.length)!;
    assert.deepEqual(typeDiffers.fields, [{ field: 'claimType', values: { Alice: 'factual', Bob: 'normative' } }]);
    assert.deepEqual(mine().find((d) => d.missing.length)!.missing, ['Bob']);

    // The view: a disagreement, then one row per author with their fields.
    const provider = api.views.disagreements;
    const node = provider.getChildren().find((n) => n.type === 'disagreement' && n.entry.members.some((m) => m.id === 'bob00001'))!;
    assert.match(String(provider.getTreeItem(node).description), /claimType differ/);
    const rows = provider.getChildren(node).map((n) => provider.getTreeItem(n));
    assert.deepEqual(rows.map((r) => [r.label, r.description]), [
      ['Alice', 'claimType: factual · speaker: author · tags: (none)'],
      ['Bob', 'claimType: normative · speaker: author · tags: (none)'],
    ]);
    assert.equal(rows[1].contextValue, 'disagreementVersion');

    // Accept Bob's version: a curated copy by the curator; both competing versions marked superseded.
    await configure('author', 'Curator');
    const curatedId = (await vscode.commands.executeCommand('policyAnnotator.acceptVersion', provider.getChildren(node)[1])) as string;
    await api.whenIdle();
    const saved = onDisk();
    const curated = saved.find((a) => a.id === curatedId) as Claim;
    assert.deepEqual([curated.author, curated.claimType, curated.curatedFrom], ['Curator', 'normative', ['alice001', 'bob00001']]);
    assert.deepEqual(saved.filter((a) => a.supersededBy === curatedId).map((a) => a.id).sort(), ['alice001', 'bob00001']);
    report = await waitFor(async () => {
      const r = (await vscode.commands.executeCommand('policyAnnotator.refreshDisagreements')) as AgreementReport;
      return r.disagreements.filter((d) => d.document === DOC).length === 1 ? r : undefined;
    }, { message: 'the settled unit to leave the list' });
    assert.equal(report.units.settled, 1);
    await showsTheAnswerOnce(api, curatedId);

    // Edit and Accept, keeping the other versions as they are.
    await configure('adjudication.others', 'keep');
    const left = mine()[0];
    const edited = (await vscode.commands.executeCommand('policyAnnotator.editAndAcceptVersion', { uri: uri().toString(), id: 'alice003', competing: left.members.map((m) => m.id) }, { claimType: 'proposal', tags: ['settled'] })) as string;
    await api.whenIdle();
    const after = onDisk();
    assert.deepEqual((({ claimType, tags, author, curatedFrom }) => ({ claimType, tags, author, curatedFrom }))(after.find((a) => a.id === edited) as Claim), { claimType: 'proposal', tags: ['settled'], author: 'Curator', curatedFrom: ['alice003'] });
    assert.equal(after.find((a) => a.id === 'alice003')!.supersededBy, undefined);
    report = (await vscode.commands.executeCommand('policyAnnotator.refreshDisagreements')) as AgreementReport;
    assert.equal(report.disagreements.filter((d) => d.document === DOC).length, 0);
    // The annotators' agreement is measured on their own coding, not on the curated versions.
    assert.deepEqual(report.annotators, ['Alice', 'Bob']);
  });

  test('a supersededBy that names nothing hides nothing: listed, in Needs Review, and in the Problems view at its line', async () => {
    const api = await activateExtension<PolicyAnnotatorApi>();
    const doc = 'seeds/dangling-doc.txt';
    const sidecar = `annotations/${doc}.yaml`;
    copyFileSync(workspacePath('seeds', '002_da90e588b2ada6c6.txt'), workspacePath(...doc.split('/')));
    const text = normalizeText(readFileSync(workspacePath(...doc.split('/')), 'utf8'));
    const quote = text.split(/(?<=\.)\s+/).find((s) => s.length > 40 && !s.includes('\n'))!;
    const orphan = { ...claim(text, 'dangle01', 'Alice', quote, 'factual'), supersededBy: 'gone0001' };
    try {
      writeFileSync(workspacePath(...sidecar.split('/')), writeSidecar({ schemaVersion: 1, document: doc, fingerprint: fingerprint(readFileSync(workspacePath(...doc.split('/')))), annotations: [orphan] }));
      const uri = vscode.Uri.file(workspacePath(...sidecar.split('/')));
      const line = readFileSync(uri.fsPath, 'utf8').split('\n').findIndex((l) => l.includes('supersededBy: gone0001'));
      const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => d.message.includes("supersededBy 'gone0001'")), { message: 'the dangling supersededBy in the Problems view', timeoutMs: 20_000 });
      assert.equal(diagnostic.range.start.line, line);
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      const claimRows = async () => {
        await api.views.trees.claims.settled();
        const group = (await api.views.trees.claims.getChildren()).find((n) => n.type === 'group' && n.label === doc);
        return group ? await api.views.trees.claims.getChildren(group) : [];
      };
      await waitFor(async () => (await claimRows()).some((n) => n.type === 'annotation' && n.entry.annotation.id === 'dangle01'), { message: 'the claim still listed' });
      const review = api.views.trees.review;
      await waitFor(async () => {
        await review.settled();
        const group = (await review.getChildren()).find((n) => n.type === 'group' && n.label === doc);
        const rows = group ? await review.getChildren(group) : [];
        return rows.some((n) => n.type === 'annotation' && /^supersededBy 'gone0001'/.test(n.problem ?? ''));
      }, { message: 'Needs Review to list it' });
    } finally {
      rmSync(workspacePath(...sidecar.split('/')), { force: true });
      rmSync(workspacePath(...doc.split('/')), { force: true });
    }
  });
});
