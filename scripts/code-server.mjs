// Starts and stops code-server (VS Code in the browser), which the integration, UI and vsix runners and
// `npm start` use because this machine has no desktop VS Code and no network to download one.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const codeServerDir = process.env.CODE_SERVER_DIR ?? join(repoRoot, '.code-server');
export const entryJs = join(codeServerDir, 'node_modules/code-server/out/node/entry.js');

// User settings for every run: no welcome page, no trust prompt, no telemetry, wrapped text.
export const defaultUserSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
  'editor.wordWrap': 'on',
};

/** Installs code-server and the Debian packages it needs; a stamp file makes this a no-op after the first time. */
export function ensureCodeServer() {
  const r = spawnSync('bash', [join(repoRoot, 'scripts/install-code-server.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`scripts/install-code-server.sh failed (exit ${r.status})`);
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** Runs code-server's own CLI (e.g. --install-extension) synchronously; returns its stdout. */
export function codeServerCli(args) {
  const r = spawnSync(process.execPath, [entryJs, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** Makes a fresh temporary directory for one code-server run: user data, extensions, config. */
export function makeServerDirs(prefix = 'pa-code-server-') {
  const base = mkdtempSync(join(tmpdir(), prefix));
  const dirs = { base, userData: join(base, 'user-data'), extensions: join(base, 'extensions') };
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  // An explicit (empty) config keeps code-server from writing ~/.config/code-server/config.yaml.
  writeFileSync(join(base, 'config.yaml'), 'auth: none\n');
  return dirs;
}

/**
 * Makes the repo an installed extension of a normal workbench (not an extension-test run): a symlink
 * named like an installed extension, which code-server picks up from its --extensions-dir. The repo's
 * dist/extension.js must be built.
 */
export function linkRepoAsExtension(extensionsDir) {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  symlinkSync(repoRoot, join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`));
}

/**
 * Starts code-server on 127.0.0.1 and resolves once it answers /healthz.
 * options: folder (opened by default), dirs (from makeServerDirs; made if absent), settings (merged over
 * defaultUserSettings), env (extra variables; they reach the extension host), logFile (server output),
 * workspaceTrust (true: Workspace Trust is on, so a folder not trusted before opens in Restricted Mode).
 */
export async function startCodeServer({ folder, dirs = makeServerDirs(), settings = {}, env = {}, logFile, port, workspaceTrust = false } = {}) {
  port ??= await freePort();
  const trustSettings = workspaceTrust
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never', 'security.workspace.trust.emptyWindow': false }
    : {};
  writeFileSync(
    join(dirs.userData, 'User/settings.json'),
    JSON.stringify({ ...defaultUserSettings, ...trustSettings, ...settings }, null, 2),
  );
  const args = [
    entryJs,
    '--config', join(dirs.base, 'config.yaml'),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
  if (folder) args.push(folder);
  // detached: the server gets its own process group, so stop() also ends its extension hosts and watchers.
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const log = logFile ? openLog(logFile) : null;
  let exited = null;
  child.stdout.on('data', (d) => log?.write(d));
  child.stderr.on('data', (d) => log?.write(d));
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const server = {
    port,
    origin: `http://127.0.0.1:${port}`,
    dirs,
    child,
    logFile,
    stopping: false, // set once stop() began, so an exit then is not reported as a crash
    stop: () => stopServer(server),
  };
  running.add(server);

  const deadline = Date.now() + 60_000;
  while (!(await healthy(server.origin))) {
    if (exited) throw new Error(`code-server exited during startup (${JSON.stringify(exited)}); see ${logFile ?? 'its output'}`);
    if (Date.now() > deadline) {
      await stopServer(server);
      throw new Error(`code-server did not answer on ${server.origin} within 60 s; see ${logFile ?? 'its output'}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return server;
}

/**
 * The workbench URL. payload entries are VS Code's [name, value] pairs (extensionDevelopmentPath, ...);
 * local paths in them must already be vscode-remote URIs (see remoteUri).
 */
export function workbenchUrl(server, { folder, workspace, payload } = {}) {
  const params = new URLSearchParams();
  if (workspace) params.set('workspace', workspace); // a .code-workspace file: a multi-root workspace
  else if (folder) params.set('folder', folder);
  if (payload) params.set('payload', JSON.stringify(payload));
  const query = params.toString();
  return `${server.origin}/${query ? `?${query}` : ''}`;
}

/** A path on the server as the browser workbench must name it. */
export function remoteUri(server, absPath) {
  return `vscode-remote://127.0.0.1:${server.port}${absPath}`;
}

async function healthy(origin) {
  try {
    const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

function openLog(file) {
  mkdirSync(dirname(file), { recursive: true });
  return createWriteStream(file);
}

const running = new Set();

/** Ends the server's whole process group: SIGTERM, then SIGKILL if it is still there after 5 s. */
async function stopServer(server) {
  if (!running.has(server)) return;
  server.stopping = true;
  signalGroup(server, 'SIGTERM');
  const gone = new Promise((r) => (server.child.exitCode !== null || server.child.signalCode ? r() : server.child.once('exit', r)));
  await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
  killNow(server);
}

function killNow(server) {
  if (!running.delete(server)) return;
  server.stopping = true;
  signalGroup(server, 'SIGKILL'); // also reaps grandchildren that ignored SIGTERM
  if (!process.env.PA_KEEP_TMP) rmSync(server.dirs.base, { recursive: true, force: true });
}

function signalGroup(server, signal) {
  try {
    process.kill(-server.child.pid, signal);
  } catch {
    // group already gone
  }
}

// Whatever way the runner ends (normal exit, error, Ctrl+C, CI timeout), no code-server is left behind.
process.on('exit', () => {
  for (const s of [...running]) killNow(s);
});
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.on(signal, async () => {
    await Promise.all([...running].map(stopServer));
    process.exit(128 + number);
  });
}
