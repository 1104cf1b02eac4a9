import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { normalizeText } from '../../src/core/anchoring';
import { Annotation, Note } from '../../src/core/model';
import { nodeFileSystem } from '../../src/core/ports/nodeFileSystem';
import { readSidecar } from '../../src/core/store/readSidecar';
import { SidecarStore } from '../../src/core/store/sidecarStore';
import { writeSidecar } from '../../src/core/store/writeSidecar';
import type { PolicyAnnotatorApi } from '../../src/vscode/api';
import { HOVER_COMMANDS } from '../../src/vscode/hovers/safeMarkdown';
import { activateExtension, closeAllEditors, log, sleep, waitFor, workspacePath } from './helpers';

// Faults and hostile input in a real VS Code: writes that fail for real (and succeed once the obstacle
// is gone), hostile text in hover cards, documents VS Code and the extension find hard, and a short
// soak of random edits, commands, saves and changes on disk with the invariants checked at the end.

type Level = 'error' | 'warning' | 'info';
const messages: Array<{ level: Level; text: string }> = [];
const originals = { error: vscode.window.showErrorMessage, warning: vscode.window.showWarningMessage, info: vscode.window.showInformationMessage };

/** Records the messages the extension shows (same `vscode` object: the tests run inside the extension). */
function captureMessages(): void {
  const capture = (level: Level) => (text: string) => {
    messages.push({ level, text });
    return Promise.resolve(undefined);
  };
  Object.assign(vscode.window, { showErrorMessage: capture('error'), showWarningMessage: capture('warning'), showInformationMessage: capture('info') });
}
function restoreMessages(): void {
  Object.assign(vscode.window, { showErrorMessage: originals.error, showWarningMessage: originals.warning, showInformationMessage: originals.info });
}

const uriOf = (documentPath: string) => vscode.Uri.file(workspacePath(...documentPath.split('/')));
const sidecarFile = (documentPath: string) => workspacePath('annotations', ...`${documentPath}.yaml`.split('/'));
function offsetsOf(documentPath: string, quote: string): { start: number; end: number } {
  const text = normalizeText(readFileSync(workspacePath(...documentPath.split('/')), 'utf8'));
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `not in ${documentPath}: ${quote}`);
  return { start, end: start + quote.length };
}
function savedIds(documentPath: string): string[] {
  if (!existsSync(sidecarFile(documentPath))) return [];
  const read = readSidecar(readFileSync(sidecarFile(documentPath), 'utf8'), documentPath);
  return read.sidecar?.annotations.map((a) => a.id) ?? [];
}
async function liveIds(api: PolicyAnnotatorApi, documentPath: string): Promise<string[]> {
  await api.whenIdle();
  return (await api.annotations(uriOf(documentPath))).map((a) => a.annotation.id);
}
function copySeed(seed: string, documentPath: string): void {
  made.add(documentPath);
  mkdirSync(path.dirname(workspacePath(...documentPath.split('/'))), { recursive: true });
  copyFileSync(workspacePath('seeds', seed), workspacePath(...documentPath.split('/')));
}
/** Documents this file makes, removed with their sidecars at the end so later suites (export!) see the workspace as it was. */
const made = new Set<string>();
function cleanUp(): void {
  for (const doc of made) {
    rmSync(workspacePath(...doc.split('/')), { force: true });
    rmSync(sidecarFile(doc), { recursive: true, force: true });
  }
  rmSync(workspacePath('faultdocs'), { recursive: true, force: true });
  rmSync(workspacePath('annotations', 'faultdocs'), { recursive: true, force: true });
  rmSync(workspacePath('oddities'), { recursive: true, force: true });
  rmSync(workspacePath('annotations', 'oddities'), { recursive: true, force: true });
}

/** Saves a document even when it has no unsaved change (a save of a clean document fires no event). */
async function touchAndSave(documentPath: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(uriOf(documentPath), { preview: false });
  const end = editor.document.positionAt(editor.document.getText().length);
  await editor.edit((e) => e.insert(end, ' '));
  assert.ok(await editor.document.save(), 'the document was saved');
}

suite('faults: writes that fail for real', () => {
  let api: PolicyAnnotatorApi;
  suiteSetup(async () => {
    api = await activateExtension<PolicyAnnotatorApi>();
    captureMessages();
  });
  suiteTeardown(async () => {
    restoreMessages();
    await closeAllEditors();
    cleanUp();
  });
  setup(() => void messages.splice(0));

  test('a sidecar path that is a folder: the error is shown, the annotation kept (also through Reload), then written once the folder is gone', async () => {
    const doc = 'seeds/faults-a.txt';
    copySeed('000_d3c97eb98561e2fd.txt', doc);
    mkdirSync(sidecarFile(doc), { recursive: true });
    writeFileSync(path.join(sidecarFile(doc), 'in-the-way.txt'), 'x');
    await vscode.window.showTextDocument(uriOf(doc), { preview: false });
    await api.whenIdle();
    const note = (await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uriOf(doc).toString(), ...offsetsOf(doc, 'Northern Metropolis'), note: 'kept while the disk says no' })) as Annotation;
    await api.whenIdle();
    const error = messages.find((m) => m.level === 'error');
    assert.ok(error, `an error was shown: ${JSON.stringify(messages)}`);
    assert.match(error.text, /could not write annotations\/seeds\/faults-a\.txt\.yaml: .*EISDIR.*kept in memory/);
    assert.ok((await liveIds(api, doc)).includes(note.id), 'the annotation is still in memory');

    await vscode.commands.executeCommand('policyAnnotator.reloadAnnotations');
    assert.ok((await liveIds(api, doc)).includes(note.id), 'Reload Annotations did not drop the unwritten annotation');

    rmSync(sidecarFile(doc), { recursive: true });
    await touchAndSave(doc);
    await waitFor(() => savedIds(doc).includes(note.id), { message: 'the annotation written once the obstacle is gone' });
  });

  test('a sidecar folder replaced by a file: the error is shown, nothing lost, written once it is a folder again', async () => {
    const doc = 'faultdocs/b.txt';
    copySeed('002_da90e588b2ada6c6.txt', doc);
    mkdirSync(workspacePath('annotations'), { recursive: true });
    writeFileSync(workspacePath('annotations', 'faultdocs'), 'a file where the folder should be\n');
    await vscode.window.showTextDocument(uriOf(doc), { preview: false });
    await api.whenIdle();
    const quote = normalizeText(readFileSync(workspacePath('faultdocs', 'b.txt'), 'utf8')).slice(200, 240);
    const note = (await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uriOf(doc).toString(), ...offsetsOf(doc, quote), note: 'no folder' })) as Annotation;
    await api.whenIdle();
    assert.ok(messages.some((m) => m.level === 'error' && /could not write annotations\/faultdocs\/b\.txt\.yaml: .*(EEXIST|ENOTDIR).*kept in memory/.test(m.text)), JSON.stringify(messages));
    assert.ok((await liveIds(api, doc)).includes(note.id));
    assert.equal(readFileSync(workspacePath('annotations', 'faultdocs'), 'utf8'), 'a file where the folder should be\n');

    rmSync(workspacePath('annotations', 'faultdocs'));
    await touchAndSave(doc);
    await waitFor(() => savedIds(doc).includes(note.id), { message: 'written once the folder can be made' });
  });
});

suite('faults: hostile text in hover cards', () => {
  const doc = 'seeds/faults-hover.txt';
  const catalogue = workspacePath('annotations', 'entities.yaml');
  let catalogueBefore: string | undefined;
  const HOSTILE = '[run me](command:workbench.action.terminal.new) [del](command:policyAnnotator.deleteAnnotation?%7B%7D) <img src=x onerror="alert(1)"> <a href="command:workbench.action.quit">quit</a> ![i](command:workbench.action.reloadWindow) `code` **bold** $(alert) javascript:alert(1) &lt;b&gt;';

  suiteSetup(async () => {
    catalogueBefore = existsSync(catalogue) ? readFileSync(catalogue, 'utf8') : undefined;
    made.add(doc);
    writeFileSync(workspacePath(...doc.split('/')), 'The Zyxwvut Foundation said the housing plan would fail. Nobody agreed with the Zyxwvut Foundation.\n');
    const text = normalizeText(readFileSync(workspacePath(...doc.split('/')), 'utf8'));
    const at = (q: string) => ({ exact: q, prefix: text.slice(Math.max(0, text.indexOf(q) - 32), text.indexOf(q)), suffix: text.slice(text.indexOf(q) + q.length, text.indexOf(q) + q.length + 32), start: text.indexOf(q), end: text.indexOf(q) + q.length });
    const stamp = { author: `Mallory ${HOSTILE}`, created: '2026-11-22T10:00:00Z', modified: '2026-11-23T10:00:00Z' };
    const annotations: Annotation[] = [
      { id: 'hostile1', kind: 'claim', anchor: at('the housing plan would fail'), label: HOSTILE, speaker: 'zyxwvut-foundation', claimType: 'predictive', tags: [HOSTILE], note: HOSTILE, review: { status: 'fuzzy', was: HOSTILE, reason: HOSTILE }, ...stamp },
      { id: 'hostile2', kind: 'stance', anchor: at('Nobody agreed'), holder: HOSTILE, target: `topic:${HOSTILE}`, polarity: 'oppose', ...stamp },
    ];
    mkdirSync(path.dirname(sidecarFile(doc)), { recursive: true });
    writeFileSync(sidecarFile(doc), writeSidecar({ schemaVersion: 1, document: doc, fingerprint: '0'.repeat(40), annotations }));
    // An entity whose name and description are hostile too, mentioned in the same passage.
    const entity = `  - id: zyxwvut-foundation\n    type: organisation\n    name: Zyxwvut Foundation\n    description: ${JSON.stringify(HOSTILE)}\n    role: ${JSON.stringify(HOSTILE)}\n`;
    writeFileSync(catalogue, (catalogueBefore ?? 'schemaVersion: 1\nentities:\n').replace(/entities:\s*\[\]\s*$/, 'entities:\n').trimEnd() + '\n' + entity);
  });
  suiteTeardown(async () => {
    if (catalogueBefore !== undefined) writeFileSync(catalogue, catalogueBefore);
    await closeAllEditors();
    cleanUp();
  });

  test('escaped, no HTML, and only our allow-listed commands are links; isTrusted is the allow-list, never true', async () => {
    const api = await activateExtension<PolicyAnnotatorApi>();
    const editor = await vscode.window.showTextDocument(uriOf(doc), { preview: false });
    await waitFor(async () => (await liveIds(api, doc)).length === 2, { message: 'the hostile annotations loaded' });
    const positions = [editor.document.positionAt(editor.document.getText().indexOf('housing plan') + 2), editor.document.positionAt(editor.document.getText().indexOf('Nobody') + 2), editor.document.positionAt(editor.document.getText().indexOf('Zyxwvut') + 2)];
    let cards = 0;
    for (const position of positions) {
      const hovers = await waitFor(async () => {
        const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uriOf(doc), position);
        return found.length ? found : undefined;
      }, { message: 'a hover' });
      for (const hover of hovers) {
        for (const content of hover.contents) {
          if (typeof content === 'string' || !('value' in content)) continue;
          const md = content as vscode.MarkdownString;
          if (!/Mallory|Zyxwvut|run me/.test(md.value)) continue; // another extension's hover
          cards++;
          assert.notEqual(md.isTrusted, true, 'isTrusted must be the allow-list object, not true');
          if (md.isTrusted) {
            const enabled = (md.isTrusted as { enabledCommands: readonly string[] }).enabledCommands;
            for (const c of enabled) assert.ok(HOVER_COMMANDS.includes(c as (typeof HOVER_COMMANDS)[number]) || c.startsWith('policyAnnotator.'), `${c} is trusted in a hover`);
          }
          assert.ok(!md.supportHtml, 'HTML is off');
          // Every link to a command, unescaped, must be one of ours.
          for (const m of md.value.matchAll(/(?<!\\)\]\(\s*<?command:([A-Za-z0-9_.-]+)/g)) {
            assert.ok(m[1].startsWith('policyAnnotator.') && (HOVER_COMMANDS as readonly string[]).concat(enabledOf(md)).includes(m[1]), `hover links to ${m[1]}:\n${md.value}`);
          }
          assert.doesNotMatch(md.value, /(?<!\\)<(img|a|script|iframe)\b/i, `raw HTML in:\n${md.value}`);
          assert.doesNotMatch(md.value, /(?<!\\)\]\((?!command:policyAnnotator\.)[a-z]+:/i, `a link outside our commands in:\n${md.value}`);
        }
      }
    }
    assert.ok(cards >= 2, `hover cards with the hostile text were shown (${cards})`);
  });
});

function enabledOf(md: vscode.MarkdownString): string[] {
  return typeof md.isTrusted === 'object' ? [...(md.isTrusted.enabledCommands ?? [])] : [];
}

suite('faults: documents that are hard to open', () => {
  const created: string[] = [];
  const write = (name: string, content: string | Buffer) => {
    const file = workspacePath('oddities', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    created.push(file);
    return vscode.Uri.file(file);
  };
  const candidates = () => vscode.workspace.getConfiguration('policyAnnotator');
  suiteSetup(async () => {
    captureMessages();
    messages.splice(0);
    // Candidate suggestions stay on: the NLP finder leaves long paragraphs to the heuristic and has a
    // time budget, so a multi-megabyte line must not freeze the host (it once took minutes).
  });
  suiteTeardown(async () => {
    restoreMessages();
    await closeAllEditors();
    // Closed documents stay loaded for a while: shrink them on disk (VS Code reloads them) before the
    // candidate finder is back on, so it never sees the big ones.
    for (const f of created) writeFileSync(f, 'small\n');
    await waitFor(() => vscode.workspace.textDocuments.every((d) => !created.includes(d.uri.fsPath) || d.getText().length < 100), { timeoutMs: 15_000, message: 'the big documents reloaded small' }).catch(() => undefined);
    await candidates().update('entityCandidates', undefined, vscode.ConfigurationTarget.Global);
    cleanUp();
  });

  /** How long the extension host takes to answer one of our commands: long when it is stuck. */
  async function hostLatency(): Promise<number> {
    const started = Date.now();
    await vscode.commands.executeCommand('policyAnnotator.refreshTree');
    return Date.now() - started;
  }

  test('CRLF with a BOM: annotated with LF offsets on the right words', async () => {
    const api = await activateExtension<PolicyAnnotatorApi>();
    const uri = write('crlf-bom.txt', '\ufeffFirst line of the policy.\r\nThe second line holds the claim.\r\nThird.\r\n');
    await vscode.window.showTextDocument(uri, { preview: false });
    const text = 'First line of the policy.\nThe second line holds the claim.\nThird.\n';
    const start = text.indexOf('holds the claim');
    const note = (await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uri.toString(), start, end: start + 'holds the claim'.length, note: 'crlf' })) as Note;
    assert.equal(note.anchor.exact, 'holds the claim');
    const live = (await api.annotations(uri)).find((a) => a.annotation.id === note.id)!;
    assert.equal(live.text, 'holds the claim');
    await waitFor(() => savedIds('oddities/crlf-bom.txt').includes(note.id), { message: 'written' });
  });

  test('bytes that are not UTF-8, NUL bytes, a binary file, a 50 MB file and multi-megabyte single lines: the host keeps answering', async function () {
    this.timeout(60_000);
    await activateExtension<PolicyAnnotatorApi>();
    const latin1 = write('latin1.txt', Buffer.from('Caf\xe9 cr\xe8me \xff\xfe policy text with odd bytes.\n', 'latin1'));
    const nul = write('nul.txt', Buffer.concat([Buffer.from('text before '), Buffer.alloc(64), Buffer.from(' text after\n')]));
    const binary = write('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const words = 'housing council funding district plan policy innovation the of and ';
    const huge = write('huge.txt', words.repeat(Math.ceil((50 * 1024 * 1024) / words.length)));
    const longOver = write('long-line-6mb.txt', words.repeat(Math.ceil(6_000_000 / words.length)));
    const longUnder = write('long-line-3mb.txt', words.repeat(Math.ceil(3_000_000 / words.length)));
    const outcomes: string[] = [];
    for (const uri of [latin1, nul, binary, huge, longOver, longUnder]) {
      const name = path.basename(uri.fsPath);
      log(`opening ${name}`);
      const started = Date.now();
      try {
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document, { preview: true });
        outcomes.push(`${name}: opened (${document.getText().length} chars)`);
      } catch (error) {
        outcomes.push(`${name}: not opened (${(error as Error).message.split('\n')[0].slice(0, 80)})`);
      }
      await sleep(300);
      const latency = await hostLatency();
      outcomes.push(`  ${name}: ${Date.now() - started} ms in all, command answered in ${latency} ms`);
      log(outcomes.slice(-2).join('\n'));
      assert.ok(latency < 3000, `the extension host took ${latency} ms to answer after opening ${name}`);
    }
    log(outcomes.join('\n'));
    assert.ok(messages.some((m) => /does not track annotations in oddities\/long-line-6mb\.txt: it has [\d,]+ characters, more than policyAnnotator\.maxDocumentSize/.test(m.text)), `a message for the document over the size limit: ${JSON.stringify(messages.map((m) => m.text))}`);
    const over = await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: longOver.toString(), start: 0, end: 7, note: 'x' }).then(
      () => 'added',
      (e: Error) => e.message,
    );
    assert.match(over as string, /more than policyAnnotator\.maxDocumentSize .*annotations are off for it/);
  });
});

suite('soak in VS Code', () => {
  suiteTeardown(async () => {
    await closeAllEditors();
    cleanUp();
  });

  test('random edits, annotation commands, saves and changes on disk keep every annotation', async function () {
    this.timeout(60_000);
    const OPS = Number(process.env.PA_SOAK_VSCODE_OPS ?? 150);
    const api = await activateExtension<PolicyAnnotatorApi>();
    const doc = 'seeds/faults-soak.txt';
    copySeed('001_79ead2d7149b2ec1.txt', doc);
    const uri = uriOf(doc);
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    await api.whenIdle();
    let seed = 424242;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const expected = new Set<string>();
    const other = new SidecarStore(nodeFileSystem, workspacePath());
    const counts: Record<string, number> = {};
    const history: string[] = [];
    const undoable: Array<{ added?: string; deleted?: string }> = [];
    for (let i = 0; i < OPS; i++) {
      const text = normalizeText(editor.document.getText());
      const live = await api.annotations(uri);
      const op = ['add', 'add', 'edit', 'delete', 'type', 'type', 'type', 'save', 'external', 'undo'][rand(10)];
      counts[op] = (counts[op] ?? 0) + 1;
      history.push(`${i}:${op}`);
      if (process.env.PA_VERBOSE_SOAK) log(`soak op ${i}: ${op}`);
      if (op === 'add') {
        const start = rand(Math.max(1, text.length - 60));
        const end = start + 5 + rand(40);
        if (!text.slice(start, end).trim()) continue;
        const a = (await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uri.toString(), start, end, note: `soak ${i}` })) as Annotation;
        expected.add(a.id);
        history.push(`added ${a.id} [${start},${end})`);
        undoable.push({ added: a.id });
      } else if (op === 'edit' && live.length) {
        const target = live[rand(live.length)].annotation;
        await vscode.commands.executeCommand('policyAnnotator.editAnnotation', { uri: uri.toString(), id: target.id, patch: { note: `edited ${i}` } });
        history.push(`edited ${target.id}`);
        undoable.push({});
      } else if (op === 'delete' && live.length) {
        const target = live[rand(live.length)].annotation;
        await vscode.commands.executeCommand('policyAnnotator.deleteAnnotation', { uri: uri.toString(), id: target.id });
        history.push(`deleted ${target.id}`);
        expected.delete(target.id);
        undoable.push({ deleted: target.id });
      } else if (op === 'type') {
        const at = editor.document.positionAt(rand(editor.document.getText().length));
        await editor.edit((e) => (rand(2) ? e.insert(at, ['housing ', 'the council ', '\n', 'HK$2 billion '][rand(4)]) : e.delete(new vscode.Range(at, editor.document.positionAt(editor.document.offsetAt(at) + rand(30))))));
      } else if (op === 'save') {
        await editor.document.save();
      } else if (op === 'external') {
        // Another writer adds a note to the sidecar on disk (the CLI, another window): through the store,
        // so it takes the lock like they do. (A writer that takes no lock, git for one, can still be
        // overwritten in the few milliseconds between the editor's check and its rename.)
        if (!existsSync(sidecarFile(doc))) continue;
        const loaded = await other.load(doc);
        if (!loaded.read.sidecar || !loaded.read.writable) continue;
        const disk = normalizeText(readFileSync(workspacePath(...doc.split('/')), 'utf8'));
        const start = rand(Math.max(1, disk.length - 60));
        const id = `ext${String(i).padStart(5, '0')}`;
        const extra: Note = { id, kind: 'note', anchor: { exact: disk.slice(start, start + 20), prefix: disk.slice(Math.max(0, start - 32), start), suffix: disk.slice(start + 20, start + 52), start, end: start + 20 }, note: 'from outside', author: 'Other', created: '2026-11-22T10:00:00Z', modified: '2026-11-22T10:00:00Z' };
        if (!extra.anchor.exact.trim()) continue;
        const outcome = await other.save(loaded, { ...loaded.read.sidecar, annotations: [...loaded.read.sidecar.annotations, extra] });
        assert.notEqual(outcome.kind, 'refused');
        expected.add(id);
        await sleep(rand(2) ? 0 : 150);
      } else if (op === 'undo') {
        const last = undoable.pop();
        if (!last) continue;
        const label = await vscode.commands.executeCommand<string | undefined>('policyAnnotator.undo');
        if (!label) continue;
        if (last.added) expected.delete(last.added);
        if (last.deleted) expected.add(last.deleted);
      }
    }
    await api.whenIdle();
    await editor.document.save();
    await sleep(500);
    await api.whenIdle();
    const live = await api.annotations(uri);
    const liveIds = new Set(live.map((a) => a.annotation.id));
    const lost = [...expected].filter((id) => !liveIds.has(id));
    log(`soak in VS Code: ${OPS} operations ${JSON.stringify(counts)}; ${expected.size} expected, ${liveIds.size} live, lost: ${JSON.stringify(lost)}`);
    if (lost.length || process.env.PA_VERBOSE_SOAK) log(`history of the lost: ${history.filter((h) => lost.some((id) => h.includes(id))).join(' | ')}\nlast ops: ${history.slice(-30).join(' | ')}`);
    assert.deepEqual(lost, [], 'annotations lost');
    const read = readSidecar(readFileSync(sidecarFile(doc), 'utf8'), doc);
    assert.deepEqual(read.problems, [], 'the sidecar validates');
    const onDisk = new Set(read.sidecar!.annotations.map((a) => a.id));
    assert.deepEqual([...expected].filter((id) => !onDisk.has(id)), [], 'every annotation is on disk after the last save');
    const text = normalizeText(editor.document.getText());
    for (const a of live) {
      if (a.range) assert.ok(a.text, `${a.annotation.id} has an empty place`);
      else assert.ok(a.annotation.review || a.status === 'orphaned' || a.status === 'ambiguous', `${a.annotation.id} has no place and is not flagged`);
    }
    for (const a of read.sidecar!.annotations) {
      if (!a.review) assert.equal(text.slice(a.anchor.start, a.anchor.end), a.anchor.exact, `${a.id} is on its words or flagged`);
    }
  });

  // Undo takes back only the annotation its change touched (fixed in annotationEditor.ts, 45e08ad).
  test('undo keeps what another writer added since the change it takes back', async () => {
    const api = await activateExtension<PolicyAnnotatorApi>();
    const doc = 'seeds/faults-undo.txt';
    copySeed('003_892e88a64976a510.txt', doc);
    await vscode.window.showTextDocument(uriOf(doc), { preview: false });
    const mine = (await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uriOf(doc).toString(), ...offsetsOf(doc, 'smart city'), note: 'mine' })) as Annotation;
    const other = new SidecarStore(nodeFileSystem, workspacePath());
    const loaded = await other.load(doc);
    const disk = normalizeText(readFileSync(workspacePath(...doc.split('/')), 'utf8'));
    const at = disk.indexOf('partnership');
    const theirs: Note = { id: 'theirs01', kind: 'note', anchor: { exact: 'partnership', prefix: disk.slice(at - 32, at), suffix: disk.slice(at + 11, at + 43), start: at, end: at + 11 }, note: 'theirs', author: 'Other', created: '2026-11-22T10:00:00Z', modified: '2026-11-22T10:00:00Z' };
    await other.save(loaded, { ...loaded.read.sidecar!, annotations: [...loaded.read.sidecar!.annotations, theirs] });
    await waitFor(async () => (await liveIds(api, doc)).includes('theirs01'), { message: 'their annotation reloaded' });
    await vscode.commands.executeCommand('policyAnnotator.undo');
    await api.whenIdle();
    assert.ok(!(await liveIds(api, doc)).includes(mine.id), 'mine was taken back');
    assert.ok((await liveIds(api, doc)).includes('theirs01'), 'theirs is still in memory');
    assert.ok(savedIds(doc).includes('theirs01'), 'theirs is still in the sidecar');
  });

  // Undo must not trust the span an annotation had when the change was made: after typing it points at
  // other words, or past the end of a shorter text. core/safety/undoChange.ts places it by its quote.
  test('undo of a delete after typing puts the annotation back on its own words', async () => {
    const api = await activateExtension<PolicyAnnotatorApi>();
    const doc = 'seeds/faults-undo-typing.txt';
    copySeed('003_892e88a64976a510.txt', doc);
    const editor = await vscode.window.showTextDocument(uriOf(doc), { preview: false });
    const note = (await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uriOf(doc).toString(), ...offsetsOf(doc, 'smart city'), note: 'typing' })) as Annotation;
    await vscode.commands.executeCommand('policyAnnotator.deleteAnnotation', { uri: uriOf(doc).toString(), id: note.id });
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'A preamble typed afterwards. '));
    await vscode.commands.executeCommand('policyAnnotator.undo');
    await api.whenIdle();
    const back = (await api.annotations(uriOf(doc))).find((a) => a.annotation.id === note.id);
    assert.ok(back, 'the annotation is back');
    assert.equal(back.text, 'smart city', 'on its own words');
  });

  test('undo of a delete after the text got shorter does not fail', async () => {
    const api = await activateExtension<PolicyAnnotatorApi>();
    const doc = 'seeds/faults-undo-shorter.txt';
    copySeed('003_892e88a64976a510.txt', doc);
    const editor = await vscode.window.showTextDocument(uriOf(doc), { preview: false });
    const text = normalizeText(editor.document.getText());
    const quote = text.slice(text.length - 80, text.length - 60);
    const note = (await vscode.commands.executeCommand('policyAnnotator.addNote', { uri: uriOf(doc).toString(), ...offsetsOf(doc, quote), note: 'near the end' })) as Annotation;
    await vscode.commands.executeCommand('policyAnnotator.deleteAnnotation', { uri: uriOf(doc).toString(), id: note.id });
    await editor.edit((e) => e.delete(new vscode.Range(new vscode.Position(0, 0), editor.document.positionAt(Math.floor(text.length / 2)))));
    captureMessages();
    messages.splice(0);
    try {
      await vscode.commands.executeCommand('policyAnnotator.undo');
      await api.whenIdle();
    } finally {
      restoreMessages();
    }
    assert.deepEqual(messages.filter((m) => m.level === 'error').map((m) => m.text), [], 'undo failed');
    const back = (await api.annotations(uriOf(doc))).find((a) => a.annotation.id === note.id);
    assert.ok(back, 'the annotation is back');
    assert.ok(back.text === quote || back.annotation.review, `on its words or flagged (${JSON.stringify(back.text)})`);
    assert.ok(savedIds(doc).includes(note.id), 'and written');
  });
});
