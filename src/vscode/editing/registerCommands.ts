import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { registerCommandTable } from '../registerCommandTable';
import { AddDeps, addCommands } from './addCommands';
import { ManageDeps, manageCommands } from './manageCommands';

/** Registers the commands that create and change annotations. */
export function registerAnnotationCommands(deps: AddDeps & ManageDeps, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const add = addCommands(deps);
  const manage = manageCommands(deps);
  return registerCommandTable(
    [
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
    ],
    log,
  );
}
