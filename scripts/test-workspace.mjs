// Makes a throw-away copy of the workspace (seeds/, annotations/, .vscode/settings.json) for one test run,
// so tests and UI scenarios may create, change and delete files freely.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './code-server.mjs';

export function makeTestWorkspace(prefix = 'pa-workspace-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const sub of ['seeds', 'annotations']) {
    const from = join(repoRoot, sub);
    if (existsSync(from)) cpSync(from, join(dir, sub), { recursive: true });
    else mkdirSync(join(dir, sub));
  }
  mkdirSync(join(dir, '.vscode'));
  cpSync(join(repoRoot, 'test/fixtures/workspace-settings.json'), join(dir, '.vscode/settings.json'));
  return dir;
}

export function removeTestWorkspace(dir) {
  if (!process.env.PA_KEEP_TMP) rmSync(dir, { recursive: true, force: true });
}
