// 6. Activation: the production bundle's size, and activate() timed in a fresh code-server extension host.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { figure, stats } from '../lib/measure';
import type { BenchConfig, Figure } from '../lib/types';

const ESBUILD = join(process.cwd(), 'node_modules', '.bin', 'esbuild');

/** esbuild's CLI with esbuild.mjs's production options for the extension, into a temp folder. */
function buildProduction(outdir: string): { bytes: number; top: Array<[string, number]> } {
  const outfile = join(outdir, 'extension.js');
  const meta = join(outdir, 'meta.json');
  const r = spawnSync(ESBUILD, ['src/extension.ts', '--bundle', '--platform=node', '--target=node20', '--format=cjs', '--minify', '--sourcemap', '--external:vscode', `--outfile=${outfile}`, `--metafile=${meta}`, '--log-level=error'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`esbuild failed: ${r.stderr}`);
  const metafile = JSON.parse(readFileSync(meta, 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  const inputs = Object.values(metafile.outputs).find((o) => Object.keys(o.inputs).length)?.inputs ?? {};
  const byPackage = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = m ? m[1] : 'src (own code)';
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  return { bytes: statSync(outfile).size, top: [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 5) };
}

/** Files under `dir` whose path matches, at any depth. */
function find(dir: string, test: RegExp): string[] {
  try {
    return (readdirSync(dir, { recursive: true }) as string[]).map((f) => join(dir, f)).filter((f) => test.test(f));
  } catch {
    return [];
  }
}

const stamp = (line: string): number => Date.parse(line.slice(0, 23).replace(' ', 'T'));

/**
 * Per extension host of the server: the extension's own "activated in X ms" (activate() itself),
 * and the time from the host's "_doActivateExtension" line to that log line (module load + activate, upper bound).
 */
export function activationFromLogs(userData: string): Array<{ activateMs: number; loadAndActivateMs?: number }> {
  const out: Array<{ activateMs: number; loadAndActivateMs?: number }> = [];
  for (const log of find(join(userData, 'logs'), /policy-annotator\.policy-annotator[/\\][^/\\]+\.log$/)) {
    const line = readFileSync(log, 'utf8').split('\n').find((l) => /activated in [\d.]+ ms/.test(l));
    if (!line) continue;
    const activateMs = Number(/activated in ([\d.]+) ms/.exec(line)![1]);
    const host = join(log, '..', '..');
    const start = find(host, /exthost\.log$/)
      .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
      .find((l) => l.includes('_doActivateExtension policy-annotator.policy-annotator'));
    out.push({ activateMs, loadAndActivateMs: start ? stamp(line) - stamp(start) : undefined });
  }
  return out;
}

/** Activation figures from fresh extension hosts, one code-server for all runs. */
async function activationTimes(runs: number, log: (s: string) => void): Promise<Array<{ activateMs: number; loadAndActivateMs?: number }>> {
  const root = process.cwd();
  if (!existsSync(join(root, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const probeDir = join(root, 'out', 'bench', 'vscode');
  const r = spawnSync(ESBUILD, ['bench/vscode/activationProbe.ts', '--bundle', '--platform=node', '--format=cjs', '--external:vscode', `--outfile=${join(probeDir, 'probe.js')}`, '--log-level=error'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`esbuild failed: ${r.stderr}`);
  const load = (name: string) => import(pathToFileURL(join(root, 'scripts', name)).href);
  const cs = await load('code-server.mjs');
  const { runExtensionTests } = await load('extension-tests.mjs');
  cs.ensureCodeServer();
  const folder = mkdtempSync(join(tmpdir(), 'pa-bench-empty-'));
  const server = await cs.startCodeServer({ folder, logFile: join(root, 'test-results', 'code-server-bench.log') });
  try {
    for (let i = 0; i < runs; i++) {
      const { exitCode } = await runExtensionTests({ server, folder, extensionPath: root, testsPath: join(probeDir, 'probe'), timeoutMs: 120_000 });
      if (exitCode !== 0) throw new Error(`activation probe failed (exit ${exitCode})`);
    }
    const found = activationFromLogs(server.dirs.userData);
    for (const f of found) log(`activation: activate() ${f.activateMs} ms (host log to "activated": ${f.loadAndActivateMs ?? '?'} ms)`);
    if (!found.length) throw new Error('no "activated in X ms" line in the extension\'s log');
    return found;
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function runActivation(c: BenchConfig, log: (s: string) => void): Promise<Figure[]> {
  const out: Figure[] = [];
  if (c.activation.bundle) {
    const dir = mkdtempSync(join(tmpdir(), 'pa-bench-bundle-'));
    try {
      const { bytes, top } = buildProduction(dir);
      const kb = bytes / 1024;
      out.push(figure({ suite: 'activation', name: 'dist/extension.js, production build', metric: 'bundle', unit: 'KB', target: { max: 500 }, extra: Object.fromEntries(top.map(([k, v]) => [k, `${(v / 1024).toFixed(0)} KB`])) }, stats([kb])));
      log(`activation: bundle ${kb.toFixed(0)} KB (${top.map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} KB`).join(', ')})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (c.activation.vscode) {
    try {
      const found = await activationTimes(c.activation.vscodeRuns, log);
      out.push(figure({ suite: 'activation', name: 'activate() in code-server (its own "activated in" log)', metric: 'activate', unit: 'ms' }, stats(found.map((f) => f.activateMs))));
      const spans = found.map((f) => f.loadAndActivateMs).filter((v): v is number => v !== undefined);
      if (spans.length) out.push(figure({ suite: 'activation', name: 'host "_doActivateExtension" to "activated" (load + activate, upper bound)', metric: 'activate', unit: 'ms' }, stats(spans)));
    } catch (error) {
      log(`activation: code-server run skipped: ${(error as Error).message}`);
    }
  }
  return out;
}
