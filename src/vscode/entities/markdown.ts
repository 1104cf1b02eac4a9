import * as vscode from 'vscode';

// Catalogue and annotation text comes from the repository, which may be hostile: it is always
// escaped, and only the extension's own commands may run from a link.

/** Escapes every ASCII punctuation character (CommonMark allows that) and folds line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** A Markdown string whose only clickable commands are `commands`; no HTML. */
export function safeMarkdown(commands: readonly string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: [...commands] };
  return md;
}

/** `[label](command:id?args)`, label escaped, args JSON-encoded. */
export function commandLink(label: string, command: string, args: unknown[], tooltip?: string): string {
  const target = `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
  return `[${escapeMarkdown(label)}](${target}${tooltip ? ` "${tooltip.replace(/["\\]/g, '')}"` : ''})`;
}

/** A link to an http(s) page; anything else is shown as plain text. */
export function webLink(label: string, url: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return escapeMarkdown(label);
  const safe = url.replace(/[()<>[\]"'\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(label)}](${safe})`;
}
