// Entry point VS Code calls (extensionTestsPath) inside the extension host: runs every out/test/**/*.test.js.
// Its console output travels to the runner (scripts/extension-tests.mjs) through the workbench's
// codeAutomationLog, mixed with the workbench's own logs. VS Code makes `console.*` read-only in the
// extension host, so the reporter's lines are tagged here instead; the runner always shows tagged lines
// and shows the rest (including a test's plain console.log) only when the run fails or PA_VERBOSE=1.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { log } from './helpers';

const RESULT_TAG = 'PA_INTEGRATION_RESULT '; // the counts, for the runner's closing line

export async function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = log;
  let counts;
  try {
    counts = await runMocha();
  } catch (err) {
    // e.g. a test file that throws while loading: show why, since VS Code's own report of it is not tagged
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    throw err;
  }
  log(`${RESULT_TAG}${JSON.stringify(counts)}`);
  // The desktop runner (scripts/test-electron.mjs) gets the counts through a file instead.
  if (process.env.PA_RESULT_FILE) writeFileSync(process.env.PA_RESULT_FILE, JSON.stringify(counts));
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed`);
  if (counts.passed === 0) throw new Error('no integration test ran (check PA_INTEGRATION_GREP)');
}

function runMocha(): Promise<{ passed: number; failed: number; pending: number }> {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    timeout: 20_000,
    grep: process.env.PA_INTEGRATION_GREP || undefined,
  });
  // PA_INTEGRATION_SUITE=restricted runs only restricted/ (Restricted Mode, scripts/test-restricted.mjs), =multiroot
  // only multiroot/ (a two-folder workspace, scripts/test-multiroot.mjs); otherwise both are left out.
  const suite = process.env.PA_INTEGRATION_SUITE ?? '';
  const own = (f: string) => f.split(/[\\/]/)[0];
  const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js') && (suite ? own(f) === suite : !['restricted', 'multiroot'].includes(own(f))))
    .sort();
  for (const f of files) mocha.addFile(join(__dirname, f));

  return new Promise((resolve) => {
    // The callback runs after the whole suite, long after run() returned the runner.
    const runner = mocha.run((failed) => {
      resolve({ passed: runner.stats?.passes ?? 0, failed, pending: runner.stats?.pending ?? 0 });
    });
  });
}
