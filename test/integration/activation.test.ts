import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, getExtension, openSeed, packageJson, waitFor } from './helpers';

// scripts/test-vsix.mjs runs this suite (by its title, 'activation') against the installed .vsix too.
suite('activation', () => {
  suiteTeardown(closeAllEditors);

  test('activates when a plain-text document opens', async () => {
    const editor = await openSeed();
    assert.equal(editor.document.languageId, 'plaintext');
    await waitFor(() => getExtension().isActive, { message: 'the extension to activate' });
  });

  test('activate() returns its exported API', async () => {
    const api = await activateExtension();
    assert.ok(getExtension().isActive, 'isActive after activate()');
    assert.notEqual(api, undefined, 'activate() returns the extension API');
  });

  test('registers every command declared in package.json', async () => {
    await activateExtension();
    const declared = packageJson().contributes.commands.map((c) => c.command);
    assert.ok(declared.length > 0, 'package.json declares commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
  });

  test('runs policyAnnotator.showOutput', async () => {
    await activateExtension();
    await vscode.commands.executeCommand('policyAnnotator.showOutput');
  });

  // Set by scripts/test-vsix.mjs: proves the code under test is the installed .vsix, not the repo.
  const installedUnder = process.env.PA_EXPECT_EXTENSION_UNDER;
  if (installedUnder) {
    test('is the copy installed from the .vsix', () => {
      const extPath = getExtension().extensionPath;
      assert.ok(extPath.startsWith(installedUnder), `extension loaded from ${extPath}, expected under ${installedUnder}`);
    });
  }
});
