import * as vscode from 'vscode';
import { Problem } from '../../core/problem';

/** Sidecar and catalogue problems in the Problems panel, one collection per kind of file. */
export class ProblemDiagnostics implements vscode.Disposable {
  private readonly collection: vscode.DiagnosticCollection;

  constructor(name: string) {
    this.collection = vscode.languages.createDiagnosticCollection(name);
  }

  set(uri: vscode.Uri, problems: readonly Problem[]): void {
    this.collection.set(uri, problems.map(toDiagnostic));
  }

  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function toDiagnostic(p: Problem): vscode.Diagnostic {
  const start = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
  const end = p.endLine !== undefined ? new vscode.Position(Math.max(0, p.endLine - 1), Math.max(0, (p.endColumn ?? p.column) - 1)) : start.translate(0, 1);
  const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end.isBefore(start) ? start : end), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  diagnostic.source = 'Policy Annotator';
  return diagnostic;
}
