import * as vscode from 'vscode';
import type { CatalogueSource } from '../../core/entities/catalogue/load';
import { type FileSystem, readText } from '../../core/ports/fileSystem';
import { toWorkspaceRelative } from '../../core/store/documentPaths';

// Finds and reads the catalogue files of one workspace folder.

export interface CatalogueFile extends CatalogueSource {
  uri: vscode.Uri;
}

const GLOB_CHARS = /[*?{[]/;

/** The catalogue files the setting names, in setting order, each once; missing plain paths are skipped. */
export async function catalogueUris(folder: vscode.WorkspaceFolder, entries: readonly string[]): Promise<vscode.Uri[]> {
  const out = new Map<string, vscode.Uri>();
  for (const entry of entries) {
    if (GLOB_CHARS.test(entry)) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, entry), '**/node_modules/**', 200);
      found.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
      for (const uri of found) out.set(uri.toString(), uri);
    } else {
      const uri = vscode.Uri.joinPath(folder.uri, ...entry.replace(/\\/g, '/').split('/').filter(Boolean));
      out.set(uri.toString(), uri);
    }
  }
  return [...out.values()];
}

export async function readCatalogueFiles(folder: vscode.WorkspaceFolder, uris: readonly vscode.Uri[], fs: FileSystem): Promise<CatalogueFile[]> {
  const out: CatalogueFile[] = [];
  for (const uri of uris) {
    const text = await readText(fs, uri.fsPath).catch(() => undefined);
    if (text === undefined) continue;
    out.push({ uri, file: labelOf(folder, uri), text });
  }
  return out;
}

/** Path shown in problems and messages: relative to the folder, with the folder's name in a multi-root workspace. */
export function labelOf(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const rel = toWorkspaceRelative(folder.uri.fsPath, uri.fsPath) ?? uri.fsPath;
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folder.name}/${rel}` : rel;
}
