import * as vscode from 'vscode';
import { CommandId, CommandIds } from '../commandIds';
import { escapeMarkdown, safeMarkdown } from '../entities/markdown';

// Hover text comes from repositories other people wrote: it is escaped (one escaper for every hover,
// in entities/markdown.ts), HTML is off, and only these commands of ours can run from a link.
export const HOVER_COMMANDS: readonly CommandId[] = [CommandIds.revealAnnotation, CommandIds.editAnnotation, CommandIds.acceptReview, CommandIds.reattach];

export { escapeMarkdown };

/** A clickable link to one of our own commands, with JSON arguments. */
export function commandLink(title: string, command: CommandId, args: unknown): string {
  if (!HOVER_COMMANDS.includes(command)) throw new Error(`${command} is not allowed in hovers`);
  return `[${escapeMarkdown(title)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

export function trustedMarkdown(): vscode.MarkdownString {
  return safeMarkdown(HOVER_COMMANDS);
}
