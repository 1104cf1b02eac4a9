import * as vscode from 'vscode';

/** The workspace folder a command works in: named, the only one, or the one the person picks. */
export async function pickFolder(name?: string, placeHolder?: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (name) return folders.find((f) => f.name === name || f.uri.fsPath === name);
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder });
}
