// Bundles the extension, the CLI, the integration tests and the UI scenarios. Flags: --watch, --production, --bench.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const bench = process.argv.includes('--bench');

function filesUnder(dir, suffix) {
  let out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(filesUnder(path, suffix));
    else if (path.endsWith(suffix)) out.push(path);
  }
  return out;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', metafile: true },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The core services (export, import, …), loaded by the extension only when a person exports or imports: keeps activation small.
  { ...common, entryPoints: ['src/core/services/index.ts'], outfile: 'dist/services.js' },
  // The NLP candidate finder (compromise) on its own: the editor loads it when candidates are first needed.
  { ...common, entryPoints: ['src/core/entities/candidates/compromiseFinder.ts'], outfile: 'dist/nlp.js' },
];
if (!production) {
  // Emptied first so a deleted or renamed test does not keep running from a stale output file.
  for (const dir of ['out/test', 'out/ui']) rmSync(dir, { recursive: true, force: true });
  // Integration tests run inside the extension host (scripts/test-integration.mjs); mocha comes from node_modules.
  builds.push({
    ...common,
    entryPoints: [...filesUnder('test/integration', '.ts')],
    outdir: 'out/test',
    outbase: 'test/integration',
    external: ['vscode', 'mocha'],
  });
  // UI scenarios and their helpers run in Node and drive Chromium (scripts/test-ui.mjs).
  builds.push({
    ...common,
    entryPoints: [...filesUnder('test/ui', '.ts')],
    outdir: 'out/ui',
    outbase: 'test/ui',
    external: ['playwright-core'],
  });
}
if (bench) {
  builds.push({ ...common, entryPoints: ['bench/run.ts'], outfile: 'out/bench/run.js', external: [] });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
