// Fails when anything under src/core imports vscode or reaches into the adapters (src/vscode, src/cli).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const core = resolve('src/core');

const importPattern = /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const offences = [];

function check(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      check(path);
      continue;
    }
    if (!path.endsWith('.ts')) continue;
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(importPattern)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const leavesCore = spec.startsWith('.') && relative(core, resolve(dirname(path), spec)).startsWith('..');
      if (spec === 'vscode' || spec.startsWith('vscode/') || leavesCore) {
        const line = text.slice(0, m.index).split('\n').length;
        offences.push(`${path}:${line}: imports '${spec}'`);
      }
    }
  }
}

check('src/core');
if (offences.length) {
  console.error('src/core must stay free of VS Code and of the adapters:\n' + offences.join('\n'));
  process.exit(1);
}
