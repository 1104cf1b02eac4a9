import * as vscode from 'vscode';
import { toNormalizedOffset } from '../annotations/documentOffsets';
import { CommandIds } from '../commandIds';
import type { AddEntityArgs } from './addEntityCommands';
import type { EntityService } from './entityService';
import { mentionsIn } from '../../core/entities/mentionEdits';

/** "Add to catalogue" on a suggested name (a candidate mention) under the cursor or selection. */
export class CandidateActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly service: EntityService) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const state = this.service.documentState(document.uri);
    if (!state) return [];
    const start = toNormalizedOffset(document, range.start);
    const end = toNormalizedOffset(document, range.end);
    return mentionsIn(state.mentions, start, end)
      .filter((m) => m.source === 'candidate')
      .slice(0, 3)
      .map((m) => {
        const action = new vscode.CodeAction(`Add “${m.text}” to the entity catalogue…`, vscode.CodeActionKind.QuickFix);
        const args: AddEntityArgs = { uri: document.uri.toString(), start: m.start, end: m.end };
        action.command = { command: CommandIds.addSelectionAsEntity, title: action.title, arguments: [args] };
        return action;
      });
  }
}
