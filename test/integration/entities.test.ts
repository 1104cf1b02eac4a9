import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { createAnchor, fingerprint, normalizeText } from '../../src/core/anchoring';
import type { Annotation } from '../../src/core/model';
import { writeSidecar } from '../../src/core/store/writeSidecar';
import { ENTITY_LINK_COMMANDS } from '../../src/vscode/entities/entityCommandIds';
import { activateExtension, closeAllEditors, DEFAULT_SEED, openSeed, waitFor, workspacePath } from './helpers';

// Entity recognition in real VS Code: hover card, definition, references, workspace symbols,
// catalogue reloads and edits, quick fix, and the highlighting toggle.

const catalogueFile = () => workspacePath('annotations', 'entities.yaml');
const catalogueUri = () => vscode.Uri.file(catalogueFile());

/** Position of the first occurrence of `words` in an open document. */
function positionOf(document: vscode.TextDocument, words: string, plus = 1): vscode.Position {
  const at = document.getText().indexOf(words);
  assert.ok(at >= 0, `not in ${document.uri.fsPath}: ${words}`);
  return document.positionAt(at + plus);
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; contents: vscode.MarkdownString[] }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  const contents = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c);
  return { text: contents.map((c) => c.value).join('\n\n'), contents };
}

/** Waits for a hover at the words whose text matches `pattern`. */
async function waitForHover(document: vscode.TextDocument, words: string, pattern: RegExp) {
  let last = '';
  try {
    return await waitFor(async () => {
      const hover = await hoverText(document.uri, positionOf(document, words));
      last = hover.text;
      return pattern.test(hover.text) ? hover : undefined;
    }, { message: `a hover on “${words}” matching ${pattern}` });
  } catch (error) {
    throw new Error(`${(error as Error).message}; last hover:\n${last}`);
  }
}

/** Appends entity entries to the catalogue on disk (as someone editing it elsewhere would). */
function appendToCatalogue(yaml: string): void {
  writeFileSync(catalogueFile(), `${readFileSync(catalogueFile(), 'utf8').trimEnd()}\n\n${yaml}`);
}

/** A copy of the default seed with a claim and a stance by Xi Jinping in its sidecar; returns the files to remove. */
function annotatedCopy(): string[] {
  const documentPath = 'seeds/entities-copy.txt';
  const file = workspacePath('seeds', 'entities-copy.txt');
  copyFileSync(workspacePath('seeds', DEFAULT_SEED), file);
  const bytes = readFileSync(file);
  const text = normalizeText(bytes.toString('utf8'));
  const anchor = (quote: string) => createAnchor(text, text.indexOf(quote), text.indexOf(quote) + quote.length);
  const stamp = { author: 'Integration Test', created: '2026-11-22T10:00:00Z', modified: '2026-11-22T10:00:00Z' };
  const annotations: Annotation[] = [
    { id: 'ent00001', kind: 'claim', anchor: anchor('blindly pursuing hot industries'), label: 'Local governments chase <b>hot</b> industries', speaker: 'xi-jinping', claimType: 'normative', ...stamp },
    { id: 'ent00002', kind: 'stance', anchor: anchor('should serve as a wake-up call'), holder: 'author', target: 'xi-jinping', polarity: 'support', ...stamp },
  ];
  const sidecar = workspacePath('annotations', 'seeds', 'entities-copy.txt.yaml');
  mkdirSync(workspacePath('annotations', 'seeds'), { recursive: true });
  writeFileSync(sidecar, writeSidecar({ schemaVersion: 1, document: documentPath, fingerprint: fingerprint(bytes), annotations }));
  return [file, sidecar];
}

/** Link targets that would be clickable: `](target` not preceded by a backslash. */
function linkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)\]\(([^)\s]+)/g)].map((m) => m[1]);
}

suite('entities', () => {
  let original: string;
  let document: vscode.TextDocument;
  let created: string[] = [];

  suiteSetup(async () => {
    original = readFileSync(catalogueFile(), 'utf8');
    created = annotatedCopy();
    await activateExtension();
    document = (await openSeed(DEFAULT_SEED)).document;
  });

  teardown(async () => {
    if (readFileSync(catalogueFile(), 'utf8') !== original) {
      writeFileSync(catalogueFile(), original);
      await vscode.commands.executeCommand('policyAnnotator.reloadEntities');
    }
    await vscode.workspace.getConfiguration('policyAnnotator').update('entityDecorations', undefined, vscode.ConfigurationTarget.Workspace);
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    for (const file of created) rmSync(file, { force: true });
  });

  test('a hover on a mention shows the entity card with counts, annotations and actions', async () => {
    const { text, contents } = await waitForHover(document, 'Xi Jinping', /documents? of the workspace/);
    assert.match(text, /\*\*Xi Jinping\*\* · person · President/);
    assert.match(text, /Criticised local governments/);
    assert.match(text, /Also: President Xi Jinping, Xi/);
    assert.match(text, /\[Wikidata Q15031\]\(https:\/\/www\.wikidata\.org\/wiki\/Q15031\)/);
    assert.match(text, /\d+ mentions? in this document · \d+ mentions? in \d+ documents? of the workspace/);
    for (const action of ['Find all mentions', 'Edit entity', 'Add alias']) assert.ok(text.includes(`[${action}](command:`), `action ${action} in:\n${text}`);
    for (const c of contents) assert.ok(!c.supportHtml, 'no HTML in the card');
    // Annotation text is escaped, so compare without the backslashes.
    const plain = text.replace(/\\(.)/g, '$1');
    assert.match(plain, /\[claim \(speaker\) in entities-copy\.txt\]\(command:policyAnnotator\.revealAnnotation\?[^)]*\): “Local governments chase <b>hot<\/b> industries”/);
    assert.match(plain, /\[stance \(target\) in entities-copy\.txt\]\(command:policyAnnotator\.revealAnnotation\?/);
    assert.ok(text.includes('\\<b\\>hot'), 'the HTML in the label is escaped');

    // "Hong Kong" is in every seed: the card links the other documents.
    const hk = await waitForHover(document, 'Hong Kong', /documents? of the workspace/);
    const inDocs = Number(/in (\d+) documents of the workspace/.exec(hk.text)?.[1]);
    assert.ok(inDocs >= 5, `Hong Kong in ${inDocs} documents:\n${hk.text}`);
    assert.match(hk.text.replace(/\\(.)/g, '$1'), /Also in: .*\[seeds\/001_79ead2d7149b2ec1\.txt \(\d+\)\]\(command:policyAnnotator\.openEntityMention\?/);
  });

  test('Go to Definition on a mention opens its catalogue entry', async () => {
    const idLine = original.split('\n').findIndex((l) => l.includes('- id: xi-jinping'));
    const links = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'Xi Jinping'));
      return found?.length ? found : undefined;
    }, { message: 'a definition' });
    const link = links[0];
    const uri = 'targetUri' in link ? link.targetUri : link.uri;
    const range = 'targetUri' in link ? (link.targetSelectionRange ?? link.targetRange) : link.range;
    assert.equal(uri.fsPath, catalogueFile());
    assert.equal(range.start.line, idLine);
    const catalogue = await vscode.workspace.openTextDocument(uri);
    assert.equal(catalogue.getText(range), 'xi-jinping');
  });

  test('Find All References lists the mentions across the workspace', async () => {
    const locations = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, 'Hong Kong'));
      return found && new Set(found.map((l) => l.uri.fsPath)).size >= 5 ? found : undefined;
    }, { message: 'references in at least 5 documents' });
    const names = /^(hong kong|hk|hksar|the hksar)$/i;
    for (const location of locations) {
      if (location.uri.fsPath === catalogueFile()) continue; // the declaration
      const text = (await vscode.workspace.openTextDocument(location.uri)).getText(location.range);
      assert.ok(/hong\s+kong|HK/i.test(text) || names.test(text), `a reference to Hong Kong reads “${text}” in ${location.uri.fsPath}`);
    }
    const here = locations.filter((l) => l.uri.fsPath === document.uri.fsPath);
    const inText = normalizeText(document.getText()).match(/Hong Kong/g)?.length ?? 0;
    assert.ok(here.length >= inText, `${here.length} references in the seed, which says “Hong Kong” ${inText} times`);
  });

  test('workspace symbol search finds entities', async () => {
    const symbols = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Xi Jinping');
      return found?.find((s) => s.name === 'Xi Jinping');
    }, { message: 'the symbol Xi Jinping' });
    assert.equal(symbols.location.uri.fsPath, catalogueFile());
    assert.equal(symbols.containerName, 'person · xi-jinping');
  });

  test('an edit of the catalogue on disk shows at once, and problems are located', async () => {
    await waitForHover(document, 'Xi Jinping', /Xi Jinping/);
    appendToCatalogue('  - id: vicious-competition\n    type: concept\n    name: vicious competition\n    description: Competition that hurts everyone.\n');
    await waitForHover(document, 'vicious competition', /\*\*vicious competition\*\* · concept/);

    const lines = readFileSync(catalogueFile(), 'utf8').trimEnd().split('\n').length;
    appendToCatalogue('  - id: broken-entry\n    type: concept\n    name: Broken Entry\n    colour: red\n');
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(catalogueUri()).find((d) => /unknown property 'colour'/.test(d.message)), { message: 'a diagnostic for the unknown property' });
    assert.equal(diagnostic.range.start.line, lines + 4, 'on the line of the unknown key');
    assert.equal(diagnostic.range.start.character, 4);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    // The valid entities still load.
    await waitForHover(document, 'vicious competition', /\*\*vicious competition\*\*/);
  });

  test('a hostile description is shown as text, never as a command link or HTML', async () => {
    appendToCatalogue(
      [
        '  - id: wake-up-call',
        '    type: concept',
        '    name: wake-up call',
        '    description: "[x](command:workbench.action.closeAllEditors) <img src=x onerror=alert(1)> **bold** [y]: command:workbench.action.quit"',
        '    aliases:',
        '      - "](command:workbench.action.quit)"',
        '',
      ].join('\n'),
    );
    const { text, contents } = await waitForHover(document, 'wake-up call', /\*\*wake\\-up call\*\*/);
    assert.ok(text.includes('closeAllEditors'), 'the description is shown');
    assert.ok(!/(?<!\\)<img/.test(text), `no raw HTML:\n${text}`);
    assert.ok(!/(?<!\\)\*\*bold/.test(text), 'Markdown in the description is escaped');
    const commandsIn = (markdown: string) => linkTargets(markdown).filter((t) => t.startsWith('command:')).map((t) => t.slice('command:'.length).split('?')[0]);
    for (const command of commandsIn(text)) assert.ok(command.startsWith('policyAnnotator.'), `only the extension's commands are links; found ${command} in:\n${text}`);
    const card = contents.find((c) => c.value.includes('wake\\-up call** · concept'));
    assert.ok(card, 'the entity card is among the hovers');
    for (const command of commandsIn(card.value)) assert.ok(ENTITY_LINK_COMMANDS.includes(command), `the card links only its own commands; found ${command}`);
    for (const c of contents) {
      assert.ok(!c.supportHtml, 'supportHtml is off');
      const trusted = c.isTrusted;
      if (typeof trusted === 'object') assert.ok(trusted.enabledCommands.every((id) => id.startsWith('policyAnnotator.')), `trusted: ${JSON.stringify(trusted)}`);
      else assert.notEqual(trusted, true, 'not trusted for every command');
    }
  });

  test('Add Selection as Entity writes the catalogue, keeping its comments; Add Alias adds a name', async () => {
    const text = normalizeText(document.getText());
    const start = text.indexOf('industrial diversification');
    const id = await vscode.commands.executeCommand<string>('policyAnnotator.addSelectionAsEntity', { uri: document.uri.toString(), start, end: start + 'industrial diversification'.length, type: 'concept', name: 'Industrial diversification' });
    assert.equal(id, 'industrial-diversification');
    const written = readFileSync(catalogueFile(), 'utf8');
    assert.ok(written.startsWith(original.trimEnd()), 'every existing line, comments included, is unchanged');
    assert.match(written.slice(original.trimEnd().length), /^\n\n {2}- id: industrial-diversification\n {4}type: concept\n {4}name: Industrial diversification\n$/);
    await waitForHover(document, 'industrial diversification', /\*\*Industrial diversification\*\* · concept/);

    assert.equal(await vscode.commands.executeCommand('policyAnnotator.addEntityAlias', 'industrial-diversification', 'diversification'), 'industrial-diversification');
    assert.match(readFileSync(catalogueFile(), 'utf8'), / {4}name: Industrial diversification\n {4}aliases:\n {6}- diversification\n$/);
  });

  test('a catalogue with errors is never written', async () => {
    const broken = `${original}\n  - id: [unclosed\n`;
    writeFileSync(catalogueFile(), broken);
    await vscode.commands.executeCommand('policyAnnotator.reloadEntities');
    const text = normalizeText(document.getText());
    const start = text.indexOf('vicious competition');
    const id = await vscode.commands.executeCommand('policyAnnotator.addSelectionAsEntity', { uri: document.uri.toString(), start, end: start + 19, type: 'concept', name: 'Vicious competition' });
    assert.equal(id, undefined);
    assert.equal(readFileSync(catalogueFile(), 'utf8'), broken, 'the file is left as it was');
  });

  test('a name not in the catalogue gets an "Add to catalogue" quick fix', async () => {
    const actions = await waitFor(async () => {
      const position = positionOf(document, 'Web3');
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(position, position));
      return found?.find((a) => a.title.includes('Web3') && a.title.includes('entity catalogue'));
    }, { message: 'a quick fix for the candidate Web3' });
    assert.equal(actions.command?.command, 'policyAnnotator.addSelectionAsEntity');
    const hover = await hoverText(document.uri, positionOf(document, 'Web3'));
    assert.match(hover.text, /not in the entity catalogue/);
  });

  test('mentions follow an edit at once, and new names are found after a pause in typing', async () => {
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(workspacePath('seeds', 'entities-copy.txt')), { preview: false });
    const copy = editor.document;
    await waitForHover(copy, 'President Xi Jinping', /Xi Jinping/);
    try {
      const inserted = 'Forty characters of new text go here... ';
      await editor.edit((e) => e.insert(positionOf(copy, 'President Xi Jinping', 0), inserted));
      // Without the shift the old span would end before this position.
      const found = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', copy.uri, positionOf(copy, 'President Xi Jinping', 0));
      assert.equal(found?.length, 1, 'the mention moved with the edit');
      assert.equal(copy.getText(found[0].originSelectionRange), 'President Xi Jinping');

      await editor.edit((e) => e.insert(copy.lineAt(copy.lineCount - 1).range.end, '\nA new paragraph names Cyberport again.'));
      await waitForHover(copy, 'Cyberport again', /\*\*Cyberport\*\*/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('in a CRLF document, a name typed mid-document is found on its own words, and the names after it stay on theirs', async () => {
    const file = workspacePath('seeds', 'entities-crlf.txt');
    const paragraphs = ['Opening words.', 'President Xi Jinping spoke first.', 'Then came the middle of it all.', 'Guangdong answered last.'];
    writeFileSync(file, paragraphs.join('\r\n\r\n'));
    try {
      const editor = await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
      const crlf = editor.document;
      assert.equal(crlf.eol, vscode.EndOfLine.CRLF);
      await waitForHover(crlf, 'Guangdong answered', /\*\*Guangdong\*\*/);
      await editor.edit((e) => e.insert(positionOf(crlf, 'the middle', 4), 'Cyberport and '));
      await waitForHover(crlf, 'Cyberport and', /\*\*Cyberport\*\*/);
      const rangeAt = async (words: string) => {
        const found = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', crlf.uri, positionOf(crlf, words, 1));
        return found?.[0] && crlf.getText(found[0].originSelectionRange);
      };
      assert.equal(await rangeAt('Cyberport and'), 'Cyberport', 'the typed name, on its own words');
      assert.equal(await rangeAt('Guangdong answered'), 'Guangdong', 'a name on a later line, moved with the edit');
      assert.equal(await rangeAt('Xi Jinping spoke'), 'President Xi Jinping', 'a name on an earlier line, where it was');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      rmSync(file, { force: true });
    }
  });

  test('documents larger than policyAnnotator.maxDocumentSize are left alone', async () => {
    const config = () => vscode.workspace.getConfiguration('policyAnnotator');
    const large = (await openSeed('001_79ead2d7149b2ec1.txt')).document;
    await waitForHover(large, 'Hong Kong and Guangdong', /\*\*Hong Kong\*\* · place/);
    await config().update('maxDocumentSize', 5000, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(async () => !(await hoverText(large.uri, positionOf(large, 'Hong Kong and Guangdong'))).text.includes('· place'), { message: 'no entity card in the large document' });
      assert.match((await hoverText(document.uri, positionOf(document, 'Hong Kong'))).text, /\*\*Hong Kong\*\* · place/, 'the small seed still has its cards');
    } finally {
      await config().update('maxDocumentSize', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForHover(large, 'Hong Kong and Guangdong', /\*\*Hong Kong\*\* · place/);
  });

  test('the toggle command switches entity highlighting', async () => {
    const config = () => vscode.workspace.getConfiguration('policyAnnotator');
    assert.equal(config().get('entityDecorations'), true);
    assert.equal(await vscode.commands.executeCommand('policyAnnotator.toggleEntityDecorations'), false);
    await waitFor(() => config().get('entityDecorations') === false, { message: 'the setting to turn off' });
    assert.equal(await vscode.commands.executeCommand('policyAnnotator.toggleEntityDecorations'), true);
    await waitFor(() => config().get('entityDecorations') === true, { message: 'the setting to turn on' });
  });
});
