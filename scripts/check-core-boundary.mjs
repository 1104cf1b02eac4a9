// Fails when anything under src/core imports vscode or reaches into the adapters (src/vscode, src/cli),
// or when one front imports the other (src/vscode -> src/cli, src/cli -> src/vscode): both call core services.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const importPattern = /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const offences = [];

/** Records each import in a .ts file under `dir` that `forbidden(spec, resolvedPath)` rejects. */
function check(dir, forbidden) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      check(path, forbidden);
      continue;
    }
    if (!path.endsWith('.ts')) continue;
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(importPattern)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const target = spec.startsWith('.') ? resolve(dirname(path), spec) : undefined;
      const why = forbidden(spec, target);
      if (why) {
        const line = text.slice(0, m.index).split('\n').length;
        offences.push(`${path}:${line}: imports '${spec}' (${why})`);
      }
    }
  }
}

const inside = (folder, target) => target !== undefined && !relative(resolve(folder), target).startsWith('..');

check('src/core', (spec, target) => {
  if (spec === 'vscode' || spec.startsWith('vscode/')) return 'src/core must stay free of VS Code';
  if (target !== undefined && !inside('src/core', target)) return 'src/core must not reach into the adapters';
});
check('src/vscode', (_spec, target) => inside('src/cli', target) && 'the editor front must not import the CLI front: call the core services');
check('src/cli', (spec, target) => (spec === 'vscode' || inside('src/vscode', target)) && 'the CLI front must not import the editor front: call the core services');

if (offences.length) {
  console.error('Layer boundaries broken:\n' + offences.join('\n'));
  process.exit(1);
}
