import { FileSystem, readText } from '../../ports/fileSystem';
import { checkContained } from '../../safety/containment';
import { LockOptions, withFileLock } from '../../safety/fileLock';
import { CatalogueIssue, CatalogueSource, loadCatalogue } from './load';

// Writing an entity catalogue, with the same guarantees as a sidecar: the path must stay inside the
// workspace folder (also through symbolic links), and read, edit and write happen under the
// cross-process lock (safety/fileLock.ts), so an edit applies on top of what another window or the
// CLI wrote meanwhile instead of overwriting it. A file with errors is never overwritten.

export const NEW_CATALOGUE = `# Entity catalogue: people, organisations, places, programmes, events and concepts the documents name.

schemaVersion: 1
entities: []
`;

export interface CatalogueEdit {
  root: string;
  /** Absolute path of the catalogue file. */
  file: string;
  /** How messages name it (workspace-relative). */
  label: string;
  /** The folder's other catalogue files, so ids stay unique across them. */
  others: readonly CatalogueSource[];
  edit: (text: string) => string;
  lock?: LockOptions;
}

export async function editCatalogue(fs: FileSystem, change: CatalogueEdit): Promise<void> {
  const { file, label } = change;
  const outside = await checkContained(fs, change.root, file, label);
  if (outside) throw new Error(outside);
  await withFileLock(
    fs,
    file,
    async (lock) => {
      const before = (await readText(fs, file)) ?? NEW_CATALOGUE;
      const errors = (text: string) => loadCatalogue([...change.others, { file: label, text }]).issues.filter((i) => i.severity === 'error' && i.file === label);
      if (loadCatalogue([{ file: label, text: before }]).readOnly.length) throw new Error(`${label} was written by a newer Policy Annotator: it is shown read-only; upgrade the extension to edit it.`);
      const existing = errors(before);
      if (existing.length) throw new Error(`${label} has errors; fix them first (${describe(existing[0])}).`);
      const after = change.edit(before);
      const introduced = errors(after);
      if (introduced.length) throw new Error(`The change would leave ${label} with an error (${describe(introduced[0])}); nothing was written.`);
      await lock.verify();
      await fs.writeAtomic(file, after);
    },
    change.lock,
  );
}

function describe(issue: CatalogueIssue): string {
  return `line ${issue.line}: ${issue.message}`;
}
