// `npm run test:ui`: runs each UI scenario (out/ui/scenarios/*.js, built from test/ui/scenarios/*.ts) in a
// normal code-server workbench with the extension installed from the repo, in headless Chromium.
// Each scenario gets its own server, workspace copy and page. Env: PA_UI_GREP (regexp on scenario names),
// PA_UI_HEADED=1 (show the browser, needs a display), PA_KEEP_TMP=1, PA_VERBOSE=1 (browser console).
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launchChromium } from './browser.mjs';
import {
  ensureCodeServer,
  linkRepoAsExtension,
  makeServerDirs,
  repoRoot,
  startCodeServer,
  workbenchUrl,
} from './code-server.mjs';
import { printCounts } from './summary.mjs';
import { makeTestWorkspace, removeTestWorkspace } from './test-workspace.mjs';

process.setSourceMapsEnabled(true); // stack traces name test/ui/*.ts lines, not out/ui/*.js
const require = createRequire(import.meta.url);
const outDir = join(repoRoot, 'out/ui');
const resultsDir = join(repoRoot, 'test-results');
const viewport = { width: 1400, height: 900 };
const defaultTimeoutMs = 90_000;

if (!existsSync(join(outDir, 'workbench.js'))) {
  console.error('out/ui is missing: run `npm run build` first (npm run test:ui does).');
  process.exit(1);
}
const { Workbench } = require(join(outDir, 'workbench.js'));
const grep = process.env.PA_UI_GREP ? new RegExp(process.env.PA_UI_GREP) : null;
const scenarios = readdirSync(join(outDir, 'scenarios'))
  .filter((f) => f.endsWith('.js'))
  .sort()
  .map((f) => ({ file: f, ...require(join(outDir, 'scenarios', f)).default }))
  .filter((s) => !grep || grep.test(s.name));
for (const s of scenarios) {
  if (typeof s.run !== 'function' || !s.name) throw new Error(`${s.file}: the default export is not a Scenario`);
}
if (scenarios.length === 0) {
  console.error(`no UI scenario to run${grep ? ` matches PA_UI_GREP=${grep}` : ''}`);
  console.log('0 passed, 0 failed');
  process.exit(1);
}

ensureCodeServer();
const browser = await launchChromium({ headless: !process.env.PA_UI_HEADED });
let passed = 0;
let failed = 0;
try {
  for (const scenario of scenarios) {
    const started = Date.now();
    const error = await runScenario(scenario);
    const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    if (error) {
      failed++;
      console.log(`  ✘ ${scenario.name}: ${scenario.description} (${took})`);
      console.log(indent(error));
    } else {
      passed++;
      console.log(`  ✔ ${scenario.name}: ${scenario.description} (${took})`);
    }
  }
} finally {
  await browser.close();
}
printCounts({ passed, failed });
process.exit(failed > 0 ? 1 : 0);

/** Runs one scenario in a fresh server, workspace and page; resolves to an error text, or null on success. */
async function runScenario(scenario) {
  const workspace = makeTestWorkspace('pa-ui-');
  const dirs = makeServerDirs('pa-ui-server-');
  linkRepoAsExtension(dirs.extensions);
  const consoleLines = [];
  let server;
  let context;
  let workbench;
  try {
    server = await startCodeServer({
      folder: workspace,
      dirs,
      env: { PA_TEST_WORKSPACE: workspace },
      logFile: join(resultsDir, `code-server-ui-${scenario.name}.log`),
    });
    context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.on('console', (msg) => {
      const line = `[browser ${msg.type()}] ${msg.text()}`;
      if (process.env.PA_VERBOSE) console.log(line);
      consoleLines.push(line);
    });
    page.on('pageerror', (err) => consoleLines.push(`[page error] ${err.message}`));
    workbench = new Workbench(page, workspace, resultsDir);
    // A scenario with `startsLikeNpmStart` opens the workspace file `npm start` opens, in this copy.
    const target = scenario.startsLikeNpmStart ? { workspace: join(workspace, 'policy-annotator.code-workspace') } : { folder: workspace };
    if (scenario.startsLikeNpmStart) copyFileSync(join(repoRoot, 'policy-annotator.code-workspace'), target.workspace);
    await withTimeout(
      (async () => {
        await workbench.open(workbenchUrl(server, target));
        await scenario.run(workbench);
      })(),
      scenario.timeoutMs ?? defaultTimeoutMs,
      `scenario ${scenario.name}`,
    );
    return null;
  } catch (err) {
    let text = err instanceof Error ? (err.stack ?? err.message) : String(err);
    if (workbench) {
      const shot = await workbench.screenshot(`ui-failure-${scenario.name}`).catch(() => null);
      if (shot) text += `\nscreenshot: ${shot}`;
    }
    const errors = consoleLines.filter((l) => /error\]/.test(l));
    if (errors.length) text += `\nbrowser errors:\n${errors.slice(-20).join('\n')}`;
    if (server) text += `\ncode-server log: ${server.logFile}`;
    return text;
  } finally {
    await context?.close();
    await server?.stop();
    removeTestWorkspace(workspace);
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function indent(text) {
  return text
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
}
