import * as vscode from 'vscode';
import { CommandId, CommandIds } from '../commandIds';

// Hover text comes from repositories other people wrote: it is escaped, HTML is off, and only
// these commands of ours can run from a link, so a description cannot make a hover run anything else.
export const HOVER_COMMANDS: readonly CommandId[] = [CommandIds.revealAnnotation, CommandIds.editAnnotation, CommandIds.acceptReview, CommandIds.reattach];

/** Escapes Markdown and HTML in text from a file, and keeps it on one paragraph. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&"'=:]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

/** A clickable link to one of our own commands, with JSON arguments. */
export function commandLink(title: string, command: CommandId, args: unknown): string {
  if (!HOVER_COMMANDS.includes(command)) throw new Error(`${command} is not allowed in hovers`);
  return `[${escapeMarkdown(title)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

export function trustedMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  return md;
}
