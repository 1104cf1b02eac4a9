import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';
import { createAnchor, fingerprint, normalizeText } from '../../../src/core/anchoring';
import { Annotation } from '../../../src/core/model';
import { writeSidecar } from '../../../src/core/store/writeSidecar';

export const seedsDir = join(__dirname, '..', '..', '..', 'seeds');

/** A temporary git repository holding copies of the named seeds under seeds/. */
export function tempRepo(seeds: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'pa-cli-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  git(root, 'init', '-q');
  mkdirSync(join(root, 'seeds'));
  for (const seed of seeds) copyFileSync(join(seedsDir, seed), join(root, 'seeds', seed));
  return root;
}

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.invalid', ...args], { cwd: root, encoding: 'utf8' });
}

export function commitAll(root: string): void {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'snapshot');
}

const stamp = { author: 'Test', created: '2026-11-22T10:00:00Z', modified: '2026-11-22T10:00:00Z' };

/** Writes annotations/<doc>.yaml with one claim per quote, anchored on the document as it is now. */
export function annotate(root: string, documentPath: string, quotes: Record<string, string>): string {
  const bytes = readFileSync(join(root, documentPath));
  const text = normalizeText(bytes.toString('utf8'));
  const annotations: Annotation[] = Object.entries(quotes).map(([id, quote]) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`quote not found: ${quote}`);
    return { id, kind: 'claim', anchor: createAnchor(text, start, start + quote.length), label: quote, speaker: 'author', claimType: 'factual', ...stamp };
  });
  const file = join(root, 'annotations', `${documentPath}.yaml`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, writeSidecar({ schemaVersion: 1, document: documentPath, fingerprint: fingerprint(bytes), annotations }));
  return file;
}

export function editFile(root: string, relative: string, edit: (text: string) => string): void {
  const file = join(root, relative);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}
