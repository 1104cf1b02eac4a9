import * as vscode from 'vscode';
import type { CatalogueSource } from '../../core/entities/catalogue/load';
import { catalogueLabel } from '../../core/workspace/catalogueSnapshot';

// The catalogue files of one workspace folder as the editor addresses them (the workspace model
// finds and reads them: core/workspace/catalogueSnapshot.ts).

export interface CatalogueFile extends CatalogueSource {
  uri: vscode.Uri;
}

/** Path shown in problems and messages: relative to the folder, with the folder's name in a multi-root workspace. */
export function labelOf(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  return catalogueLabel(folder.uri.fsPath, uri.fsPath, (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? folder.name : undefined);
}
