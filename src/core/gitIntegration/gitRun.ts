import { execFile } from 'node:child_process';

// git as a subprocess: argument arrays only (never a shell), bytes out, and git's own message on failure.

export interface GitResult {
  ok: boolean;
  stdout: Buffer;
  stderr: string;
}

export function runGit(cwd: string, args: string[], executable = 'git'): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = execFile(executable, args, { cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      resolve({ ok: !error, stdout: stdout ?? Buffer.alloc(0), stderr: (stderr ?? Buffer.alloc(0)).toString('utf8').trim() || (error ? String(error.message) : '') });
    });
    child.on('error', (error) => resolve({ ok: false, stdout: Buffer.alloc(0), stderr: `cannot run ${executable}: ${error.message}` }));
  });
}
