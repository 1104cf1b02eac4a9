// `npm run test:restricted`: the integration tests in test/integration/restricted/ in Restricted Mode.
// code-server starts with Workspace Trust on (no --disable-workspace-trust), so the throw-away workspace,
// never trusted before, opens untrusted. The workspace is a git repository, so the tests can check that
// no blob was stored. Env: as test-integration.mjs (PA_INTEGRATION_GREP, PA_INTEGRATION_TIMEOUT_S, PA_KEEP_TMP).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer, repoRoot, startCodeServer } from './code-server.mjs';
import { runSuiteAndExit } from './extension-tests.mjs';
import { makeTestWorkspace } from './test-workspace.mjs';

const testsPath = join(repoRoot, 'out/test/index');
if (!existsSync(`${testsPath}.js`)) {
  console.error('out/test/index.js is missing: run `npm run build` first (npm run test:restricted does).');
  process.exit(1);
}

ensureCodeServer();
const workspace = makeTestWorkspace('pa-restricted-');
const git = (...args) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.invalid', ...args], { cwd: workspace, stdio: 'pipe' });
git('init', '-q');
git('add', '-A');
git('commit', '-q', '-m', 'workspace');
const server = await startCodeServer({
  folder: workspace,
  workspaceTrust: true,
  env: { PA_TEST_WORKSPACE: workspace, PA_INTEGRATION_SUITE: 'restricted' },
  logFile: join(repoRoot, 'test-results/code-server-restricted.log'),
});
await runSuiteAndExit({
  label: 'restricted',
  server,
  workspace,
  extensionPath: repoRoot,
  testsPath,
  timeoutMs: Number(process.env.PA_INTEGRATION_TIMEOUT_S ?? 300) * 1000,
});
