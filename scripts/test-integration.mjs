// `npm run test:integration`: runs out/test/**/*.test.js (built by esbuild.mjs) inside code-server's
// extension host, against a throw-away copy of the workspace. Env: PA_INTEGRATION_GREP (mocha grep),
// PA_INTEGRATION_TIMEOUT_S (whole run, default 600), PA_KEEP_TMP=1 (keep temp dirs for debugging).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer, repoRoot, startCodeServer } from './code-server.mjs';
import { runSuiteAndExit } from './extension-tests.mjs';
import { makeTestWorkspace } from './test-workspace.mjs';

const testsPath = join(repoRoot, 'out/test/index');
if (!existsSync(`${testsPath}.js`)) {
  console.error('out/test/index.js is missing: run `npm run build` first (npm run test:integration does).');
  process.exit(1);
}

ensureCodeServer();
const workspace = makeTestWorkspace();
const server = await startCodeServer({
  folder: workspace,
  env: { PA_TEST_WORKSPACE: workspace },
  logFile: join(repoRoot, 'test-results/code-server-integration.log'),
});
await runSuiteAndExit({
  label: 'integration',
  server,
  workspace,
  extensionPath: repoRoot,
  testsPath,
  timeoutMs: Number(process.env.PA_INTEGRATION_TIMEOUT_S ?? 600) * 1000,
});
