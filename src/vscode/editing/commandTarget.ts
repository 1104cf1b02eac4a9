import * as vscode from 'vscode';
import type { Span } from '../../core/anchoring/types';
import { annotatable } from '../documentFilter';
import { normalizedText, toNormalizedOffset } from '../annotations/documentOffsets';

/** Arguments commands accept instead of the editor's selection (tests and other extensions use them). */
export interface SelectionArgs {
  uri?: string | vscode.Uri;
  /** Normalised offsets (LF line ends), as sidecars store them. */
  start?: number;
  end?: number;
}

export interface CommandSelection {
  uri: vscode.Uri;
  document: vscode.TextDocument;
  text: string;
  span: Span;
}

export function toUri(value: string | vscode.Uri): vscode.Uri {
  return typeof value === 'string' ? vscode.Uri.parse(value) : value;
}

/** The passage a command works on: from its arguments, else the active editor's selection. */
export async function commandSelection(args: SelectionArgs | undefined): Promise<CommandSelection> {
  let document: vscode.TextDocument;
  let span: Span;
  if (args?.uri !== undefined && args.start !== undefined && args.end !== undefined) {
    document = await vscode.workspace.openTextDocument(toUri(args.uri));
    span = { start: args.start, end: args.end };
  } else {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new UserError('Open a policy document and select the words to annotate first.');
    document = editor.document;
    span = { start: toNormalizedOffset(document, editor.selection.start), end: toNormalizedOffset(document, editor.selection.end) };
  }
  if (!annotatable(document)) throw new UserError(`${vscode.workspace.asRelativePath(document.uri)} is not a document Policy Annotator annotates (plain text or Markdown matching the policyAnnotator.documentGlob setting).`);
  const text = normalizedText(document);
  if (span.end <= span.start || !text.slice(span.start, span.end).trim()) throw new UserError('Select the words to annotate first.');
  return { uri: document.uri, document, text, span };
}

/** A message for the person, not a bug: shown as a warning without a stack. */
export class UserError extends Error {}
