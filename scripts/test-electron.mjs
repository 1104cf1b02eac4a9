// `npm run test:integration:electron`: the same suite as test-integration.mjs, in desktop VS Code via
// @vscode/test-electron. It downloads VS Code (and needs a display, e.g. xvfb-run), so it is for
// developers' machines with network access; CI and this project's machines use code-server instead.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './code-server.mjs';
import { printSummary } from './summary.mjs';
import { makeTestWorkspace, removeTestWorkspace } from './test-workspace.mjs';

const workspace = makeTestWorkspace();
const resultFile = join(tmpdir(), `pa-electron-result-${process.pid}.json`);
let exitCode;
try {
  exitCode = await runTests({
    version: process.env.PA_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out/test/index'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    extensionTestsEnv: { PA_TEST_WORKSPACE: workspace, PA_RESULT_FILE: resultFile, PA_LOG_PLAIN: '1' },
  });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  exitCode = 1;
} finally {
  removeTestWorkspace(workspace);
}
let result = null;
try {
  result = JSON.parse(readFileSync(resultFile, 'utf8'));
  rmSync(resultFile);
} catch {
  // the suite never got as far as writing it
}
process.exit(printSummary('integration (electron)', { exitCode, result }));
