import * as vscode from 'vscode';
import { normalizeText } from '../../core/anchoring/normalize';
import type { TextChange } from '../../core/anchoring/types';
import type { LineSource } from '../../core/entities/lineSource';

// The store counts offsets in text with LF line ends; a VS Code document uses one EOL throughout,
// so in a CRLF document every line before a position adds exactly one extra code unit.

export function toNormalizedOffset(document: vscode.TextDocument, position: vscode.Position): number {
  const offset = document.offsetAt(position);
  return document.eol === vscode.EndOfLine.CRLF ? offset - position.line : offset;
}

export function toPosition(document: vscode.TextDocument, normalized: number): vscode.Position {
  if (document.eol !== vscode.EndOfLine.CRLF) return document.positionAt(normalized);
  // Each earlier line adds one code unit. Converge from below on the line (CRLF offsets are never
  // smaller), then step past a line end: an offset that lands between CR and LF is clamped by VS Code
  // to the end of the line before, which a line's first character must not be.
  const startOf = (line: number) => document.offsetAt(new vscode.Position(line, 0)) - line;
  let line = document.positionAt(normalized).line;
  for (let next = document.positionAt(normalized + line).line; next > line; next = document.positionAt(normalized + line).line) line = next;
  while (line + 1 < document.lineCount && startOf(line + 1) <= normalized) line++;
  return document.validatePosition(new vscode.Position(line, normalized - startOf(line)));
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

/** The document's lines in normalised offsets, read from VS Code's line model without copying the text. */
export function documentLines(document: vscode.TextDocument): LineSource {
  const crlf = document.eol === vscode.EndOfLine.CRLF;
  return {
    lineCount: document.lineCount,
    lineText: (line) => document.lineAt(line).text,
    lineStart: (line) => document.offsetAt(new vscode.Position(line, 0)) - (crlf ? line : 0),
    lineAt: (offset) => toPosition(document, offset).line,
  };
}
