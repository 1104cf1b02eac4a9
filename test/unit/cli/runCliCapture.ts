import { runCli } from '../../../src/cli/run';

/** Runs the CLI in-process with captured output. */
export async function cli(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { cwd, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
