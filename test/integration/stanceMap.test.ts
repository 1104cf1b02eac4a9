import * as assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { normalizeText } from '../../src/core/anchoring';
import type { PolicyAnnotatorApi } from '../../src/vscode/api';
import type { StanceMapState } from '../../src/vscode/stanceMap/stanceMapPanel';
import { activateExtension, closeAllEditors, getExtension, packageJson, seedUri, waitFor, workspacePath } from './helpers';

// The Stance Map webview and document metadata, in a real VS Code: what the panel shows is read back
// through a test-only command (the service's map and the exact HTML the webview was given), and
// clicks are posted through the same handler the page's script posts to.

const SEED = '003_892e88a64976a510.txt';
const TOPIC = 'stance map integration topic';
const state = async (message?: unknown) => (await vscode.commands.executeCommand('policyAnnotator.test.stanceMap', message)) as StanceMapState | undefined;
const offsets = (quote: string) => {
  const text = normalizeText(readFileSync(seedUri(SEED).fsPath, 'utf8'));
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { start, end: start + quote.length };
};

suite('stance map', () => {
  // Other suites replace seed sidecars with their own (without metadata): start from the reference corpus.
  suiteSetup(async () => {
    await activateExtension();
    const seeds = path.join(getExtension().extensionPath, 'annotations', 'seeds');
    for (const file of readdirSync(seeds)) copyFileSync(path.join(seeds, file), workspacePath('annotations', 'seeds', file));
    await closeAllEditors();
    await vscode.commands.executeCommand('policyAnnotator.reloadAnnotations');
    await waitFor(async () => {
      const shown = (await vscode.commands.executeCommand('policyAnnotator.showStanceMap')) as StanceMapState;
      return shown.map.columns.filter((c) => c.date).length === 5;
    }, { message: 'the five dated seeds on the map', timeoutMs: 15_000 });
  });
  suiteTeardown(closeAllEditors);

  test('opens from the palette and the Stances view, with documents in date order under a strict CSP', async () => {
    await activateExtension();
    const menus = (packageJson().contributes as unknown as { menus: Record<string, Array<{ command: string; when?: string }>> }).menus;
    assert.ok(menus['view/title'].some((m) => m.command === 'policyAnnotator.showStanceMap' && m.when === 'view == policyAnnotator.stances'));
    const shown = (await vscode.commands.executeCommand('policyAnnotator.showStanceMap')) as StanceMapState;
    // Documents other suites created are undated: they come last.
    assert.deepEqual(shown.map.columns.filter((c) => c.date).map((c) => c.date), ['2018-11-17', '2022-01', '2023-04', '2023-10-16', '2025-07']);
    assert.equal(shown.map.columns[0].title, 'Why the China smart city partnership plan leaves us cold');
    // Seed 000 (2025) is the one no other suite rewrites.
    const trends = shown.map.rows.find((r) => r.label === 'following mainland industrial trends')!;
    const latest = trends.cells.find((c) => shown.map.columns[c.column].date === '2025-07')!;
    assert.deepEqual([latest.polarity, latest.holders], ['oppose', ['the author', 'Xi Jinping']]);
    assert.match(shown.html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src [^;]+; style-src 'nonce-[^']+'; script-src 'nonce-[^']+';">/);
    assert.doesNotMatch(shown.html, /(src|href)="https?:/);
    assert.match(shown.body, /<table role="grid" aria-label="Stances by target and document/);
    assert.ok(shown.body.includes('aria-label="following mainland industrial trends in Can Hong Kong afford to jump on the mainland Chinese tech bandwagon?: oppose (2 oppose) by the author, Xi Jinping"'));
  });

  test('updates live when a stance is added, and a click on its cell opens the passage', async () => {
    const quote = 'Hong Kong officials are missing the big picture on smart cities';
    await vscode.commands.executeCommand('policyAnnotator.addStance', { uri: seedUri(SEED).toString(), ...offsets(quote), holder: 'party:critics', target: `topic:${TOPIC}`, polarity: 'oppose' });
    const now = await waitFor(async () => {
      const s = await state();
      return s?.map.rows.some((r) => r.label === TOPIC) && s.body.includes(TOPIC) ? s : undefined;
    }, { message: 'the new topic on the map' });
    const r = now.map.rows.findIndex((row) => row.label === TOPIC);
    const cell = now.map.rows[r].cells[0];
    assert.equal(cell.column, 0, 'seed 003 is the earliest document');
    assert.deepEqual([cell.polarity, cell.holders], ['oppose', ['critics']]);

    await state({ type: 'open', row: r, column: 0 });
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.fsPath === seedUri(SEED).fsPath ? vscode.window.activeTextEditor : undefined), { message: 'the passage opened' });
    assert.equal(editor.document.getText(editor.selection), quote);
  });

  test('filters by holder and switches to the timeline', async () => {
    await vscode.commands.executeCommand('policyAnnotator.showStanceMap');
    const filtered = (await state({ type: 'filter', filter: 'holders', value: 'party:critics' }))!;
    assert.deepEqual(filtered.map.rows.map((r) => r.label), [TOPIC]);
    assert.ok(filtered.body.includes('<option value="party:critics" selected>critics</option>'));
    const timeline = (await state({ type: 'mode', mode: 'timeline' }))!;
    assert.match(timeline.body, /<div class="timeline"><svg [^>]*role="img"/);
    assert.match(timeline.body, />2018</);
    await state({ type: 'filter', filter: 'holders', value: '' });
    const back = (await state({ type: 'mode', mode: 'grid' }))!;
    assert.ok(back.map.rows.length > 7);
  });

  test('the Stances view groups by year of publication and by outlet', async () => {
    const api = await activateExtension<PolicyAnnotatorApi>();
    const groups = async () => {
      const provider = api.views.trees.stances;
      await provider.settled();
      return (await provider.getChildren()).map((g) => (g.type === 'group' ? g.label : ''));
    };
    try {
      await vscode.commands.executeCommand('policyAnnotator.groupByDate');
      // Other suites keep their own annotations open on some seeds: the groups are in order, 2025 (seed 000) among them.
      const years = await groups();
      assert.ok(years.includes('2025') && years.at(-1) === 'undated', JSON.stringify(years));
      assert.deepEqual(years, [...years].sort());
      await vscode.commands.executeCommand('policyAnnotator.groupByOutlet');
      const outlets = await groups();
      assert.ok(outlets.includes('South China Morning Post') && outlets.at(-1) === 'no outlet', JSON.stringify(outlets));
    } finally {
      await vscode.commands.executeCommand('policyAnnotator.groupByDocument');
    }
  });

  test('Edit Document Metadata writes the sidecar, keeps the annotations, and the map shows the new title', async () => {
    const file = workspacePath('annotations', 'seeds', `${SEED}.yaml`);
    const before = readFileSync(file, 'utf8');
    const metadata = (await vscode.commands.executeCommand('policyAnnotator.editDocumentMetadata', { uri: seedUri(SEED).toString(), metadata: { title: 'Smart city plan leaves us cold', authors: [] } })) as Record<string, unknown>;
    assert.deepEqual(metadata, { title: 'Smart city plan leaves us cold', publisher: 'EJ Insight (Hong Kong Economic Journal)', published: '2018-11-17', type: 'op-ed', language: 'en' });
    const after = readFileSync(file, 'utf8');
    const block = (s: string) => s.slice(s.indexOf('metadata:'), s.indexOf('annotations:'));
    assert.equal(block(after), block(before).replace(/title: .*\n/, 'title: Smart city plan leaves us cold\n').replace('  authors:\n    - EJ Insight writer\n', ''));
    const annotations = (s: string) => s.slice(s.indexOf('annotations:'));
    assert.equal(annotations(after), annotations(before), 'annotations are untouched');
    await waitFor(async () => (await state())?.map.columns[0].title === 'Smart city plan leaves us cold', { message: 'the map shows the new title' });
    const stance = (await state())!.map.rows.find((r) => r.label === TOPIC)!.cells[0].stances[0];
    await vscode.commands.executeCommand('policyAnnotator.deleteAnnotation', { uri: seedUri(SEED).toString(), id: stance.id });
    await waitFor(async () => !(await state())?.map.rows.some((r) => r.label === TOPIC), { message: 'the deleted stance leaves the map' });
  });
});
