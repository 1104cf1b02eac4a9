// Shared helpers for integration tests. Tests run inside VS Code's extension host (code-server, see
// scripts/test-integration.mjs), with the real `vscode` API, on a throw-away copy of the workspace.
//
// To add tests: create test/integration/<topic>.test.ts using mocha's TDD interface (suite/test/
// suiteSetup/teardown, from @types/mocha), import what you need from './helpers', and run
// `npm run test:integration` (PA_INTEGRATION_GREP=<regexp> runs only matching titles). Each test has 20 s.
// Every *.test.ts is bundled on its own into out/test/ by esbuild.mjs and found by index.ts.
import * as path from 'node:path';
import { format } from 'node:util';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'policy-annotator.policy-annotator';

/** The seed document most tests use; every seed is under <workspace>/seeds/. */
export const DEFAULT_SEED = '000_d3c97eb98561e2fd.txt';

/**
 * console.log that always reaches the terminal of whoever runs the suite; plain console.log output is
 * shown only when the run fails or with PA_VERBOSE=1 (see index.ts). Desktop VS Code prints the
 * extension host's console itself, so there (PA_LOG_PLAIN=1) no tag is needed.
 */
export function log(...args: unknown[]): void {
  console.log(`${process.env.PA_LOG_PLAIN ? '' : 'PA_LOG:'}${format(...args)}`);
}

export function getExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

/** Activates the extension (a no-op when already active) and returns its exported API. */
export async function activateExtension<T = unknown>(): Promise<T> {
  return (await getExtension().activate()) as T;
}

/** The extension's package.json as VS Code read it. */
export function packageJson(): {
  contributes: { commands: { command: string; title: string; category?: string }[] } & Record<string, unknown>;
} & Record<string, unknown> {
  return getExtension().packageJSON;
}

/**
 * Absolute path of the test workspace: a throw-away copy of seeds/ and annotations/ that the runner made,
 * so tests may change any file in it. Resolved from the open folder; PA_TEST_WORKSPACE is the fallback.
 */
export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder) return folder.uri.fsPath;
  const fromEnv = process.env.PA_TEST_WORKSPACE;
  if (fromEnv) return fromEnv;
  throw new Error('no workspace folder is open and PA_TEST_WORKSPACE is not set');
}

/** Absolute path of a file in the test workspace, e.g. workspacePath('annotations', 'seeds', 'x.txt.yaml'). */
export function workspacePath(...segments: string[]): string {
  return path.join(workspaceRoot(), ...segments);
}

export function seedUri(name: string = DEFAULT_SEED): vscode.Uri {
  return vscode.Uri.file(workspacePath('seeds', name));
}

/** Opens a seed document in an editor, as a user would, and returns the editor. */
export async function openSeed(name: string = DEFAULT_SEED): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(seedUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls condition until it returns a truthy value (which is returned) or timeoutMs passes, then throws
 * with message. Use it for anything the extension does asynchronously (decorations, file writes, views).
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 50, message = 'condition' }: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${cause}`);
    }
    await sleep(intervalMs);
  }
}
