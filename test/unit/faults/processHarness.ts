// Real processes for the fault tests: writerChild.ts bundled once per test file with esbuild, then
// run with node, its stdout collected line by line.
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface WriterBundle {
  script: string;
  dispose(): void;
}

export async function bundleWriter(entry = 'writerChild.ts'): Promise<WriterBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'pa-writer-'));
  const script = join(dir, 'child.js');
  await build({ entryPoints: [join(__dirname, entry)], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: script, logLevel: 'error' });
  return { script, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunningWriter {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first line equal to `line`. */
  waitForLine(line: string): Promise<void>;
  /** Resolves when the process has ended and its stdout is drained. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function startWriter(script: string, args: string[], env: Record<string, string> = {}): RunningWriter {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env, PA_WRITER_CHILD: '1' } });
  const lines: string[] = [];
  const waiters: Array<{ line: string; resolve: () => void }> = [];
  let partial = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((w) => w.line === line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  child.stdin!.on('error', () => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => {
      if (partial) lines.push(partial);
      resolve({ code, signal, stderr });
    });
  });
  return {
    child,
    lines,
    waitForLine: (line) =>
      lines.includes(line)
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => waiters.push({ line, resolve })),
            exited.then((e) => Promise.reject(new Error(`writer ended (${e.code ?? e.signal}) before "${line}": ${e.stderr}`))),
          ]),
    exited,
  };
}

/** Runs `tasks` with at most `limit` at a time. */
export async function inParallel<T>(count: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}
