import * as vscode from 'vscode';
import { toWorkspaceRelative } from '../core/store/documentPaths';
import { documentSet } from '../core/workspace/documentSet';
import { readSettings } from './settings';

export const ANNOTATED_LANGUAGES = ['plaintext', 'markdown'];

export interface AnnotatableDocument {
  folder: vscode.WorkspaceFolder;
  /** Path relative to the workspace folder, with '/'. */
  documentPath: string;
}

/** Whether a document is one the extension annotates: a plain-text or Markdown file in a workspace folder that matches the glob. */
export function annotatable(document: vscode.TextDocument): AnnotatableDocument | undefined {
  if (document.uri.scheme !== 'file' || !ANNOTATED_LANGUAGES.includes(document.languageId)) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) return undefined;
  const documentPath = toWorkspaceRelative(folder.uri.fsPath, document.uri.fsPath);
  // The same rule as the workspace model's entity counts (core/workspace/documentSet.ts).
  if (!documentPath || !documentSet(readSettings(folder))(documentPath)) return undefined;
  return { folder, documentPath };
}
