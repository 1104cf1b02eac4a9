import { mergeSidecarEntries } from '../merge/mergeAnnotations';
import { mergeMetadata, metadataPart } from '../merge/mergeMetadata';
import { linksPart, Sidecar } from '../model';
import { formatProblem } from '../problem';
import { readSidecar } from '../store/readSidecar';
import { writeSidecar } from '../store/writeSidecar';

// The git merge driver's logic, pure: three texts in, the merged text (or a reason not to merge) out.

export type SidecarMergeResult =
  | { status: 'clean'; text: string }
  /** Valid YAML; each id in `conflicts` carries `review: {status: conflict, reason}`. */
  | { status: 'conflict'; text: string; conflicts: string[]; deletedEdited: string[] }
  /** Nothing could be merged safely; the caller must leave `ours` untouched. */
  | { status: 'failed'; reason: string };

type Side = 'base' | 'ours' | 'theirs';
const SIDE_NAMES: Record<Side, string> = { base: 'the base', ours: 'our', theirs: 'their' };

export interface SidecarMergeInput {
  base: string;
  ours: string;
  theirs: string;
  /** The sidecar's path, for messages. */
  path: string;
}

/**
 * Three-way merge of one sidecar by annotation id (mergeAnnotations). The result is written over ours'
 * text, so our comments and layout survive. An empty base means both sides added the file.
 */
export function mergeSidecarTexts(input: SidecarMergeInput): SidecarMergeResult {
  const { base, ours, theirs, path } = input;
  if (ours === theirs || theirs === base) return { status: 'clean', text: ours };
  if (ours === base) return { status: 'clean', text: theirs };

  const sides: Array<[Side, string]> = [
    ['base', base],
    ['ours', ours],
    ['theirs', theirs],
  ];
  const read: Partial<Record<Side, Sidecar>> = {};
  for (const [side, text] of sides) {
    if (side === 'base' && !text.trim()) continue;
    const result = readSidecar(text, `${path} (${side})`);
    const error = result.problems.find((p) => p.severity === 'error') ?? (result.writable ? undefined : result.problems[0]);
    if (!result.sidecar || error) {
      return { status: 'failed', reason: `${SIDE_NAMES[side]} version cannot be merged by annotation: ${error ? formatProblem(error) : 'not a sidecar'}` };
    }
    read[side] = result.sidecar;
  }
  const o = read.ours!;
  const t = read.theirs!;
  const b = read.base;
  const pick = <K extends 'document' | 'fingerprint' | 'schemaVersion'>(key: K): Sidecar[K] => (b && o[key] === b[key] ? t[key] : o[key]);
  const merge = mergeSidecarEntries(b, o, t);
  const merged: Sidecar = {
    schemaVersion: pick('schemaVersion'),
    document: pick('document'),
    // When both sides re-anchored against different document versions, ours is kept: anchors from their
    // side that do not match it are found again by quote the next time the sidecar is checked.
    fingerprint: pick('fingerprint'),
    ...metadataPart(mergeMetadata(b?.metadata, o.metadata, t.metadata)),
    annotations: merge.annotations,
    ...linksPart(merge.links),
  };
  const text = writeSidecar(merged, ours);
  return merge.conflicts.length ? { status: 'conflict', text, conflicts: merge.conflicts.sort(), deletedEdited: merge.deletedEdited.sort() } : { status: 'clean', text };
}
