import * as path from 'node:path';
import type { runCli as RunCli } from '../../cli/run';

export interface CliOutcome {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs a CLI command in the extension host. The CLI bundle is loaded on first use only, so exporting
 * and importing cost nothing at activation, and the editor and the CLI share one implementation.
 */
export async function runCliCommand(extensionPath: string, cwd: string, args: string[]): Promise<CliOutcome> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runCli } = require(path.join(extensionPath, 'dist', 'cli-api.js')) as { runCli: typeof RunCli };
  let out = '';
  let err = '';
  const code = await runCli(args, { cwd, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
