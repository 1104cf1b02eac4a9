import * as vscode from 'vscode';
import { CommandIds } from './commandIds';

/** package.json's contributes.walkthroughs id, with the extension's id in front. */
export const WALKTHROUGH = 'policy-annotator.policy-annotator#firstHour';
const SHOWN = 'policyAnnotator.welcomeShown';

/**
 * The Get Started walkthrough, and the first steps of a workspace that asks for them: when
 * policyAnnotator.welcomeDocument names a document (npm start's workspace names the first sample),
 * the first time that workspace opens, that document opens with the walkthrough beside it.
 */
export function registerWalkthrough(context: vscode.ExtensionContext): vscode.Disposable {
  const open = () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, true);
  const disposable = vscode.commands.registerCommand(CommandIds.openWalkthrough, open);
  void welcome(context, open);
  return disposable;
}

async function welcome(context: vscode.ExtensionContext, openWalkthrough: () => Thenable<unknown>): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const document = folder && vscode.workspace.getConfiguration('policyAnnotator', folder.uri).get<string>('welcomeDocument', '').trim();
  if (!folder || !document || context.workspaceState.get(SHOWN)) return;
  await context.workspaceState.update(SHOWN, true);
  const uri = vscode.Uri.joinPath(folder.uri, ...document.split('/'));
  try {
    await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.One });
  } catch {
    return; // the setting names a file that is not there: nothing to show, and nothing the person did wrong
  }
  await openWalkthrough();
  // The walkthrough opens beside the document; the document keeps the focus so selecting and typing work at once.
  await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.One });
}
