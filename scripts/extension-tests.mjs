// Runs VS Code extension tests (extensionTestsPath) in a code-server workbench opened in headless Chromium,
// echoing the extension host's console to stdout. Shared by test-integration.mjs and test-vsix.mjs.
import { format } from 'node:util';
import { launchChromium, newAutomationPage } from './browser.mjs';
import { remoteUri, workbenchUrl } from './code-server.mjs';
import { printSummary } from './summary.mjs';
import { removeTestWorkspace } from './test-workspace.mjs';

// Both printed by test/integration/index.ts; everything else comes from the workbench itself.
const LOG_TAG = 'PA_LOG:';
const RESULT_TAG = 'PA_INTEGRATION_RESULT ';
const verbose = Boolean(process.env.PA_VERBOSE);

/**
 * Resolves { exitCode, result } where result is { passed, failed, pending } from the suite (null if it
 * never reported). exitCode is the one the workbench passes to codeAutomationExit, or 1 on timeout.
 * Lines the tests print are echoed at once; the workbench's own log is kept back and printed only when
 * the run fails, or always with PA_VERBOSE=1.
 */
export async function runExtensionTests({ server, folder, workspaceFile, extensionPath, testsPath, timeoutMs }) {
  const browser = await launchChromium();
  const workbenchLog = [];
  let result = null;
  let finish;
  const finished = new Promise((r) => (finish = r));
  try {
    const page = await newAutomationPage(browser, {
      onLog: (type, args) => {
        const text = Array.isArray(args) ? format(...args) : String(args);
        const line = text.startsWith(LOG_TAG) ? text.slice(LOG_TAG.length) : null;
        if (line?.startsWith(RESULT_TAG)) result = JSON.parse(line.slice(RESULT_TAG.length));
        else if (line !== null) (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
        else if (verbose) process.stdout.write(`[workbench ${type}] ${text}\n`);
        else workbenchLog.push(`[workbench ${type}] ${text}`);
      },
      onExit: (code) => finish(code),
    });
    page.on('pageerror', (err) => workbenchLog.push(`[workbench page error] ${err.message}`));
    const url = workbenchUrl(server, {
      folder,
      workspace: workspaceFile,
      payload: [
        ['extensionDevelopmentPath', remoteUri(server, extensionPath)],
        ['extensionTestsPath', remoteUri(server, testsPath)],
        ['skipWelcome', 'true'],
      ],
    });
    try {
      await page.goto(url);
    } catch (err) {
      console.error(`could not load the workbench at ${url}: ${err.message}`);
      return { exitCode: 1, result };
    }
    let timer;
    const timedOut = new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
    let exitCode = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    if (exitCode === 'timeout') {
      console.error(
        `\nExtension tests did not finish within ${Math.round(timeoutMs / 1000)} s ` +
          `(the workbench never called codeAutomationExit).`,
      );
      exitCode = 1;
    }
    if (exitCode !== 0 && !verbose) {
      console.error(`\n--- workbench log (the run failed) ---\n${workbenchLog.join('\n')}\n--- end of workbench log ---`);
      console.error(`code-server's own log: ${server.logFile ?? '(not kept)'}`);
    }
    return { exitCode, result };
  } finally {
    await browser.close();
  }
}

/**
 * Runs the suite in a started code-server, then stops it, removes the throw-away workspace and exits
 * with the suite's code after printing the closing `N passed, N failed` line. Shared by the runners.
 */
export async function runSuiteAndExit({ label, server, workspace, workspaceFile, extensionPath, testsPath, timeoutMs }) {
  let outcome;
  try {
    outcome = await runExtensionTests({ server, folder: workspace, workspaceFile, extensionPath, testsPath, timeoutMs });
  } finally {
    await server.stop();
    removeTestWorkspace(workspace);
  }
  process.exit(printSummary(label, outcome));
}
