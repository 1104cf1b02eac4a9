import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { UserError } from './editing/commandTarget';

export type CommandHandler = (...args: never[]) => Promise<unknown>;

/**
 * Registers commands with one error policy: a person sees a warning for their mistakes and an error
 * (logged with its stack) for ours; callers that pass arguments (tests, other extensions) get the rejection too.
 */
export function registerCommandTable(table: Array<[CommandId, CommandHandler]>, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return table.map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await (handler as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof UserError) void vscode.window.showWarningMessage(message);
        else {
          log.error(`${id}: ${error instanceof Error ? (error.stack ?? message) : message}`);
          void vscode.window.showErrorMessage(`Policy Annotator: ${message}`);
        }
        if (args.length) throw error;
        return undefined;
      }
    }),
  );
}
