import { fingerprint } from '../anchoring';
import { ImportedMetadata, ImportIssue } from '../import/draft';
import { mergeImportedMetadata } from '../import/importedMetadata';
import { linksPart, SidecarEntry, splitEntries } from '../model';
import { Git } from '../ports/git';
import { formatProblem } from '../problem';
import { SidecarStore } from '../store/sidecarStore';
import { anchorSidecar } from '../workspace/anchorSidecar';

/**
 * Saves new annotations next to the existing ones, which are first re-anchored on the current text, and the
 * document metadata the file carries into the fields the sidecar lacks (a differing field is kept and warned).
 * Returns why the sidecar was refused, or what happened to it (e.g. "new sidecar", "2 existing annotations re-anchored").
 * `unchanged`: nothing to add, nothing written.
 */
export async function saveImported(store: SidecarStore, git: Git, document: string, entries: SidecarEntry[], bytes: Uint8Array, dryRun: boolean, imported?: ImportedMetadata, warnings: ImportIssue[] = []): Promise<{ refused?: string; outcome: string; unchanged?: boolean }> {
  const loaded = await store.load(document);
  if (!loaded.read.writable || !loaded.read.sidecar) {
    const first = loaded.read.problems.find((p) => p.severity === 'error') ?? loaded.read.problems[0];
    return { refused: `the sidecar cannot be updated (${first ? formatProblem(first) : 'unreadable'})`, outcome: '' };
  }
  const existing = loaded.read.sidecar;
  const added = splitEntries(entries);
  const merged = imported ? mergeImportedMetadata(existing.metadata, imported, warnings) : { metadata: existing.metadata, taken: [] };
  if (!entries.length && !merged.taken.length) return { outcome: '', unchanged: true };
  const anchored = existing.annotations.length ? await anchorSidecar(existing, bytes, git, store.root) : undefined;
  const annotations = [...(anchored?.sidecar.annotations ?? []), ...added.annotations];
  const links = [...(existing.links ?? []), ...added.links];
  const moved = anchored?.outcomes.filter((o) => o.status !== 'anchored').length ?? 0;
  const outcome = [loaded.text === undefined ? 'new sidecar' : '', moved ? `${moved} existing annotation${moved === 1 ? '' : 's'} re-anchored` : '', merged.taken.length ? `metadata ${merged.taken.join(', ')} added` : ''].filter(Boolean).join(', ');
  if (dryRun) return { outcome };
  const result = await store.save(loaded, { ...existing, document, fingerprint: fingerprint(bytes), ...(merged.metadata ? { metadata: merged.metadata } : {}), annotations, ...linksPart(links) });
  if (result.kind === 'refused') return { refused: `the sidecar cannot be updated (${result.problems.map(formatProblem).join('; ')})`, outcome: '' };
  await git.storeBlob(store.root, bytes);
  return { outcome: result.kind === 'merged' ? [outcome, 'merged with a change made meanwhile'].filter(Boolean).join(', ') : outcome };
}
