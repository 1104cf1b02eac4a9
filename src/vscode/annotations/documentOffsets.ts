import * as vscode from 'vscode';
import { normalizeText } from '../../core/anchoring/normalize';
import type { TextChange } from '../../core/anchoring/types';

// The store counts offsets in text with LF line ends; a VS Code document uses one EOL throughout,
// so in a CRLF document every line before a position adds exactly one extra code unit.

export function toNormalizedOffset(document: vscode.TextDocument, position: vscode.Position): number {
  const offset = document.offsetAt(position);
  return document.eol === vscode.EndOfLine.CRLF ? offset - position.line : offset;
}

export function toPosition(document: vscode.TextDocument, normalized: number): vscode.Position {
  if (document.eol !== vscode.EndOfLine.CRLF) return document.positionAt(normalized);
  // Each earlier line adds one code unit; settle on the line whose extra count is consistent.
  let line = document.positionAt(normalized).line;
  for (;;) {
    const position = document.positionAt(normalized + line);
    if (position.line === line) return position;
    if (position.line < line) return document.positionAt(normalized + position.line);
    line = position.line;
  }
}

export function toRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(toPosition(document, start), toPosition(document, end));
}

/** An editor change event in normalised offsets, in the order VS Code applies the changes. */
export function toNormalizedChanges(document: vscode.TextDocument, changes: readonly vscode.TextDocumentContentChangeEvent[]): TextChange[] {
  const crlf = document.eol === vscode.EndOfLine.CRLF;
  return changes.map((c) => {
    const lineBreaks = c.range.end.line - c.range.start.line;
    const start = crlf ? c.rangeOffset - c.range.start.line : c.rangeOffset;
    const length = crlf ? c.rangeLength - lineBreaks : c.rangeLength;
    return { start, end: start + length, text: crlf ? normalizeText(c.text) : c.text };
  });
}

export function normalizedText(document: vscode.TextDocument): string {
  return normalizeText(document.getText());
}
