// `npm start` (after the build): desktop VS Code with the extension under development if `code` is on
// PATH; otherwise code-server with the extension installed from the repo, until Ctrl+C. Either opens
// policy-annotator.code-workspace: this repo folder (not a copy) showing the sample documents and their
// annotations, with the first sample and the Get Started walkthrough open. Env: PA_PORT (code-server
// port, default: a free one).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  ensureCodeServer,
  freePort,
  linkRepoAsExtension,
  makeServerDirs,
  repoRoot,
  startCodeServer,
  workbenchUrl,
} from './code-server.mjs';

const workspace = join(repoRoot, 'policy-annotator.code-workspace');

if (spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0) {
  const r = spawnSync('code', [`--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

ensureCodeServer();
const dirs = makeServerDirs('pa-start-');
linkRepoAsExtension(dirs.extensions);
const server = await startCodeServer({
  folder: workspace,
  dirs,
  port: Number(process.env.PA_PORT) || (await freePort()),
  logFile: join(dirs.base, 'code-server.log'),
});
console.log(`
Policy Annotator is running in code-server (VS Code in the browser):

    ${workbenchUrl(server, { workspace })}

The extension is loaded from ${repoRoot}/dist: after \`npm run build\` (or with \`npm run watch\`),
run "Developer: Reload Window" in the browser to pick up changes.
code-server log: ${server.logFile}
Press Ctrl+C to stop.`);

// Stay up until Ctrl+C (code-server.mjs stops the server on SIGINT/SIGTERM) or until the server dies.
server.child.on('exit', (code, signal) => {
  if (server.stopping) return;
  console.error(`code-server stopped (${signal ?? `exit ${code}`}); see ${server.logFile}`);
  process.exit(1);
});
