// `npm run test:multiroot`: the integration tests in test/integration/multiroot/ in a two-folder
// workspace (a copy of test/fixtures/multi-root/, opened through its .code-workspace file), each folder
// with its own annotations/ and catalogue. Env: as test-integration.mjs (PA_INTEGRATION_GREP,
// PA_INTEGRATION_TIMEOUT_S, PA_KEEP_TMP).
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer, repoRoot, startCodeServer } from './code-server.mjs';
import { runSuiteAndExit } from './extension-tests.mjs';

const testsPath = join(repoRoot, 'out/test/index');
if (!existsSync(`${testsPath}.js`)) {
  console.error('out/test/index.js is missing: run `npm run build` first (npm run test:multiroot does).');
  process.exit(1);
}

ensureCodeServer();
const workspace = mkdtempSync(join(tmpdir(), 'pa-multiroot-'));
cpSync(join(repoRoot, 'test/fixtures/multi-root'), workspace, { recursive: true });
const workspaceFile = join(workspace, 'multi-root.code-workspace');
const server = await startCodeServer({
  env: { PA_TEST_WORKSPACE: workspace, PA_INTEGRATION_SUITE: 'multiroot' },
  logFile: join(repoRoot, 'test-results/code-server-multiroot.log'),
});
await runSuiteAndExit({
  label: 'multi-root',
  server,
  workspace,
  workspaceFile,
  extensionPath: repoRoot,
  testsPath,
  timeoutMs: Number(process.env.PA_INTEGRATION_TIMEOUT_S ?? 300) * 1000,
});
