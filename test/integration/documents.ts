// Documents and sidecars of the test workspace, as the editing tests read them.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normalizeText } from '../../src/core/anchoring';
import { Sidecar } from '../../src/core/model';
import { readSidecar } from '../../src/core/store/readSidecar';
import { workspacePath } from './helpers';

/** Normalised offsets of the first copy of `quote` in a workspace document. */
export function offsetsOf(documentPath: string, quote: string): { start: number; end: number } {
  const text = normalizeText(readFileSync(workspacePath(...documentPath.split('/')), 'utf8'));
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `not in ${documentPath}: ${quote}`);
  return { start, end: start + quote.length };
}

/** A document's sidecar as it is on disk; it must read without a problem. */
export function sidecar(documentPath: string): Sidecar {
  const read = readSidecar(readFileSync(workspacePath('annotations', ...`${documentPath}.yaml`.split('/')), 'utf8'), documentPath);
  assert.deepEqual(read.problems, []);
  return read.sidecar!;
}
