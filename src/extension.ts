import * as vscode from 'vscode';
import { CommandIds } from './vscode/commandIds';

// Composition root: builds the adapters and registers every disposable; no logic lives here.
export function activate(context: vscode.ExtensionContext): { ready: true } {
  const output = vscode.window.createOutputChannel('Policy Annotator', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(CommandIds.showOutput, () => output.show()),
    vscode.commands.registerCommand(CommandIds.reloadAnnotations, () => output.info('reload requested')),
  );
  output.info('Policy Annotator activated');
  return { ready: true };
}

export function deactivate(): void {}
