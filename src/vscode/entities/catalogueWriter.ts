import * as vscode from 'vscode';
import { type CatalogueIssue, loadCatalogue } from '../../core/entities/catalogue/load';
import { type FileSystem, readText } from '../../core/ports/fileSystem';
import { labelOf } from './catalogueSources';
import type { FolderCatalogue } from './folderCatalogue';

const NEW_CATALOGUE = `# Entity catalogue: people, organisations, places, programmes, events and concepts the documents name.

schemaVersion: 1
entities: []
`;

/**
 * Changes one catalogue file on disk with `edit` (text in, text out), written atomically. Refuses
 * when the file is unsaved in an editor, already has errors, or would have errors afterwards.
 */
export async function editCatalogueFile(fs: FileSystem, catalogue: FolderCatalogue, uri: vscode.Uri, edit: (text: string) => string): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const label = labelOf(catalogue.folder, uri);
  if (open?.isDirty) throw new Error(`${label} has unsaved changes: save or revert it first.`);
  const before = (await readText(fs, uri.fsPath)) ?? NEW_CATALOGUE;
  const others = catalogue.files.filter((f) => f.uri.toString() !== uri.toString());
  const errors = (text: string) => loadCatalogue([...others, { file: label, text }]).issues.filter((i) => i.severity === 'error' && i.file === label);
  if (loadCatalogue([{ file: label, text: before }]).readOnly.length) throw new Error(`${label} was written by a newer Policy Annotator: it is shown read-only; upgrade the extension to edit it.`);
  const existing = errors(before);
  if (existing.length) throw new Error(`${label} has errors; fix them first (${describe(existing[0])}).`);
  const after = edit(before);
  const introduced = errors(after);
  if (introduced.length) throw new Error(`The change would leave ${label} with an error (${describe(introduced[0])}); nothing was written.`);
  await fs.writeAtomic(uri.fsPath, after);
}

function describe(issue: CatalogueIssue): string {
  return `line ${issue.line}: ${issue.message}`;
}

/** Where new entities go: the first catalogue file that exists, else the first the setting names. */
export function targetFile(catalogue: FolderCatalogue): vscode.Uri | undefined {
  return catalogue.files[0]?.uri ?? catalogue.uris.find((u) => !/[*?{[]/.test(u.path));
}
