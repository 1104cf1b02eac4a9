import * as vscode from 'vscode';
import { CommandId, CommandIds } from '../commandIds';
import { AddDeps, addCommands } from './addCommands';
import { UserError } from './commandTarget';
import { ManageDeps, manageCommands } from './manageCommands';

type Handler = (...args: never[]) => Promise<unknown>;

/**
 * Registers the annotation commands. A person sees a warning for their mistakes and an error for
 * ours; callers that pass arguments (tests, other extensions) get the rejection too.
 */
export function registerAnnotationCommands(deps: AddDeps & ManageDeps, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const add = addCommands(deps);
  const manage = manageCommands(deps);
  const table: Array<[CommandId, Handler]> = [
    [CommandIds.addClaim, add.addClaim],
    [CommandIds.addStance, add.addStance],
    [CommandIds.addNote, add.addNote],
    [CommandIds.linkTo, add.linkTo],
    [CommandIds.editAnnotation, manage.editAnnotation],
    [CommandIds.changeKind, manage.changeKind],
    [CommandIds.deleteAnnotation, manage.deleteAnnotation],
    [CommandIds.undo, manage.undo],
    [CommandIds.reattach, manage.reattach],
    [CommandIds.acceptReview, manage.acceptReview],
    [CommandIds.revealAnnotation, manage.reveal],
    [CommandIds.copyQuote, manage.copyQuote],
    [CommandIds.copyLink, manage.copyLink],
  ];
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
