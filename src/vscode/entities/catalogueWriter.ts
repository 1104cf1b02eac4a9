import * as vscode from 'vscode';
import { editCatalogue } from '../../core/entities/catalogue/writeCatalogue';
import { type FileSystem } from '../../core/ports/fileSystem';
import { labelOf } from './catalogueSources';
import type { FolderCatalogue } from './folderCatalogue';

/**
 * Changes one catalogue file on disk with `edit` (text in, text out), through the core writer (lock,
 * containment, atomic write). Refuses when the file is unsaved in an editor, already has errors, or
 * would have errors afterwards.
 */
export async function editCatalogueFile(fs: FileSystem, catalogue: FolderCatalogue, uri: vscode.Uri, edit: (text: string) => string): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const label = labelOf(catalogue.folder, uri);
  if (open?.isDirty) throw new Error(`${label} has unsaved changes: save or revert it first.`);
  const others = catalogue.files.filter((f) => f.uri.toString() !== uri.toString());
  await editCatalogue(fs, { root: catalogue.folder.uri.fsPath, file: uri.fsPath, label, others, edit });
}

/** Where new entities go: the first catalogue file that exists, else the first the setting names. */
export function targetFile(catalogue: FolderCatalogue): vscode.Uri | undefined {
  return catalogue.files[0]?.uri ?? catalogue.uris.find((u) => !/[*?{[]/.test(u.path));
}
