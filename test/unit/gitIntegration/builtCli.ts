import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Git calls the CLI as a program (textconv, merge driver), so these tests need it bundled. It is built
// from the current sources into a temporary folder, once per test file: never stale, and dist/ and
// the other engineers' build outputs are left alone.

let built: Promise<string> | undefined;

export function builtCli(): Promise<string> {
  built ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'pa-cli-build-')), 'cli.js');
    await build({
      entryPoints: [join(__dirname, '..', '..', '..', 'src', 'cli', 'main.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile,
      logLevel: 'error',
      external: ['vscode'],
    });
    return outfile;
  })();
  return built;
}
