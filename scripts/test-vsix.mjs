// `npm run test:vsix` (after `npm run package`): proves dist/policy-annotator.vsix installs into code-server
// and that the installed copy activates, by running the activation suite against it instead of the repo.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerCli, ensureCodeServer, makeServerDirs, repoRoot, startCodeServer } from './code-server.mjs';
import { runSuiteAndExit } from './extension-tests.mjs';
import { makeTestWorkspace } from './test-workspace.mjs';

const vsix = join(repoRoot, 'dist/policy-annotator.vsix');
const testsPath = join(repoRoot, 'out/test/index');
for (const file of [vsix, `${testsPath}.js`]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npm run package && npm run build\` first (npm run test:vsix does).`);
    process.exit(1);
  }
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const id = `${pkg.publisher}.${pkg.name}`;

ensureCodeServer();
const dirs = makeServerDirs('pa-vsix-');
const dirArgs = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
console.log(codeServerCli([...dirArgs, '--install-extension', vsix]).trim());
const listed = codeServerCli([...dirArgs, '--list-extensions', '--show-versions']).split('\n').map((l) => l.trim());
if (!listed.includes(`${id}@${pkg.version}`)) {
  console.error(`${id}@${pkg.version} is not among the installed extensions: ${JSON.stringify(listed)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log(`installed ${id}@${pkg.version}`);

// The test entry point needs *a* development path; an empty folder adds no extension, so the
// extension the tests find by id is the installed one (the suite checks where it was loaded from).
const noExtension = join(dirs.base, 'no-extension');
mkdirSync(noExtension);
const workspace = makeTestWorkspace();
const server = await startCodeServer({
  folder: workspace,
  dirs,
  env: {
    PA_TEST_WORKSPACE: workspace,
    PA_INTEGRATION_GREP: '^activation ',
    PA_EXPECT_EXTENSION_UNDER: dirs.extensions,
  },
  logFile: join(repoRoot, 'test-results/code-server-vsix.log'),
});
await runSuiteAndExit({
  label: 'vsix',
  server,
  workspace,
  extensionPath: noExtension,
  testsPath,
  timeoutMs: Number(process.env.PA_INTEGRATION_TIMEOUT_S ?? 600) * 1000,
});
