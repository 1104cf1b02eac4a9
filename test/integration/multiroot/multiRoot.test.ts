import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { normalizeText } from '../../../src/core/anchoring';
import { readSidecar } from '../../../src/core/store/readSidecar';
import type { PolicyAnnotatorApi } from '../../../src/vscode/api';
import type { ViewKind } from '../../../src/vscode/tree/treeNodes';
import { activateExtension, closeAllEditors, waitFor } from '../helpers';

// A workspace of two folders (test/fixtures/multi-root, opened through its .code-workspace file by
// scripts/test-multiroot.mjs): housing/ and transport/, each with its own annotations/ and catalogue.

const root = (folder: string) => {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.name === folder);
  assert.ok(f, `workspace folder ${folder} is open`);
  return f.uri.fsPath;
};
const uriOf = (folder: string, documentPath: string) => vscode.Uri.file(join(root(folder), documentPath));
const offsetsOf = (folder: string, documentPath: string, quote: string) => {
  const text = normalizeText(readFileSync(join(root(folder), documentPath), 'utf8'));
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `not in ${folder}/${documentPath}: ${quote}`);
  return { start, end: start + quote.length };
};
const sidecarIds = (folder: string, documentPath: string) => {
  const file = join(root(folder), 'annotations', `${documentPath}.yaml`);
  return existsSync(file) ? readSidecar(readFileSync(file, 'utf8'), documentPath).sidecar!.annotations.map((a) => a.id) : [];
};

async function treeLabels(api: PolicyAnnotatorApi, view: ViewKind): Promise<string[]> {
  const provider = api.views.trees[view];
  await provider.settled();
  const labels: string[] = [];
  for (const group of await provider.getChildren()) {
    for (const child of await provider.getChildren(group)) labels.push(`${group.type === 'group' ? group.label : ''} | ${String(provider.getTreeItem(child).label)}`);
  }
  return labels;
}

suite('multi-root workspace', () => {
  let api: PolicyAnnotatorApi;

  suiteSetup(async () => {
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['housing', 'transport']);
    api = await activateExtension<PolicyAnnotatorApi>();
  });

  teardown(closeAllEditors);

  test('the trees list each folder\'s annotations under that folder', async () => {
    const labels = await waitFor(async () => {
      const l = await treeLabels(api, 'claims');
      return l.length >= 3 ? l : undefined;
    }, { message: 'the claims of both folders' });
    assert.deepEqual(labels.sort(), ['housing/plan.txt | Rents capped for ten years', 'housing/plan.txt | Ten thousand homes by 2030', 'transport/routes.md | Night buses on six routes']);
  });

  test('each folder resolves entities against its own catalogue', async () => {
    const here = async (folder: string, documentPath: string, quote: string) => {
      const document = await vscode.workspace.openTextDocument(uriOf(folder, documentPath));
      await vscode.window.showTextDocument(document);
      const position = document.positionAt(offsetsOf(folder, documentPath, quote).start + 2);
      return waitFor(async () => {
        const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', document.uri, position);
        const first = found?.[0];
        return first && ('uri' in first ? first.uri : first.targetUri).fsPath;
      }, { message: `the definition of ${quote}` });
    };
    assert.equal(await here('housing', 'plan.txt', 'Housing Board'), join(root('housing'), 'annotations', 'entities.yaml'));
    assert.equal(await here('transport', 'routes.md', 'Transit Office'), join(root('transport'), 'annotations', 'entities.yaml'));
  });

  test('a link between two documents of one folder resolves; Needs Review and the status bar agree', async () => {
    const budget = uriOf('housing', 'budget.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(budget));
    await vscode.commands.executeCommand('policyAnnotator.linkTo', { uri: budget.toString(), ...offsetsOf('housing', 'budget.txt', 'more land'), to: 'plan.txt#hplan001', relation: 'elaborates' });
    await api.whenIdle();
    assert.equal(sidecarIds('housing', 'budget.txt').length, 1, 'the link is written in housing/annotations/budget.txt.yaml');
    assert.ok(!(await treeLabels(api, 'review')).some((l) => l.includes('budget.txt')), 'a resolved link does not need review');
    assert.ok(!api.views.statusBar.text.includes('$(warning)'), api.views.statusBar.text);

    // A link to an annotation that does not exist: both surfaces count it (one definition of "needs review").
    await vscode.commands.executeCommand('policyAnnotator.linkTo', { uri: budget.toString(), ...offsetsOf('housing', 'budget.txt', 'The Housing Board'), to: 'plan.txt#gone0000', relation: 'cites' });
    await waitFor(async () => (await treeLabels(api, 'review')).some((l) => l.includes('plan.txt#gone0000')), { message: 'the broken link in Needs Review' });
    await waitFor(() => api.views.statusBar.text.includes('$(warning) 1'), { message: `the status bar counting the broken link (${api.views.statusBar.text})` });
  });

  test('a link to an annotation of the other folder is refused with a message that says why', async () => {
    const plan = uriOf('housing', 'plan.txt');
    const before = readFileSync(join(root('housing'), 'annotations', 'plan.txt.yaml'), 'utf8');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('policyAnnotator.linkTo', { uri: plan.toString(), ...offsetsOf('housing', 'plan.txt', 'Rents in new estates'), to: 'routes.md#troute01', relation: 'cites' })),
      /A link cannot cross workspace folders: routes\.md#troute01 is an annotation in the folder “transport”, and this document is in “housing”/,
    );
    await api.whenIdle();
    assert.equal(readFileSync(join(root('housing'), 'annotations', 'plan.txt.yaml'), 'utf8'), before, 'nothing was written');
  });

  test('a sidecar written on disk in one folder shows in the trees under that folder', async () => {
    const text = '# Routes\n\nThe Transit Office will add night buses on six routes.\nFares stay the same.\n';
    const file = join(root('transport'), 'annotations', 'routes.md.yaml');
    const yaml = readFileSync(file, 'utf8');
    const start = text.indexOf('Fares stay the same.');
    const added = `  - id: troute02\n    kind: claim\n    anchor:\n      exact: Fares stay the same.\n      prefix: "on six routes.\\n"\n      suffix: "\\n"\n      start: ${start}\n      end: ${start + 20}\n    label: Fares unchanged\n    speaker: author\n    claimType: factual\n    author: Someone else\n    created: 2026-12-02T09:00:00Z\n    modified: 2026-12-02T09:00:00Z\n`;
    writeFileSync(file, yaml + added);
    await waitFor(async () => (await treeLabels(api, 'claims')).includes('transport/routes.md | Fares unchanged'), { message: 'the new claim under transport/routes.md' });
  });

  test('exports each folder\'s annotations from that folder', async () => {
    const out = (folder: string) => join(root(folder), '..', `${folder}-export.csv`);
    for (const folder of ['housing', 'transport']) {
      const summary = await vscode.commands.executeCommand<string>('policyAnnotator.exportAnnotations', { folder, format: 'csv', out: out(folder) });
      assert.match(summary, /^exported \d+ annotations? from \d+ documents? as csv/);
    }
    const rows = (folder: string) => readFileSync(out(folder), 'utf8').trim().split(/\r?\n/).slice(1);
    const housing = rows('housing');
    const transport = rows('transport');
    assert.ok(housing.some((r) => r.startsWith('plan.txt,hplan001,claim,')), housing.join('\n'));
    assert.ok(housing.some((r) => r.startsWith('budget.txt,')), 'the links made in this run are exported too');
    assert.ok(!housing.some((r) => r.includes('troute01')));
    assert.ok(transport.some((r) => r.startsWith('routes.md,troute01,claim,')), transport.join('\n'));
    assert.ok(!transport.some((r) => r.includes('hplan001,claim')));
  });
});
