import * as vscode from 'vscode';

/** policyAnnotator.maxDocumentSize (shared with entity recognition): the largest document, in characters, that is tracked. */
export function maxDocumentSize(folder: vscode.WorkspaceFolder): number {
  const value = vscode.workspace.getConfiguration('policyAnnotator', folder).get<unknown>('maxDocumentSize');
  return typeof value === 'number' && value > 0 ? value : 5_000_000;
}

/**
 * Very large documents would make anchoring and decorations hold up the extension host: they are
 * left alone, with a message once, and commands on them say why they do nothing.
 */
export class DocumentSizeLimit {
  /** uri → size in characters and the limit it exceeded. */
  private readonly tooLarge = new Map<string, { size: number; limit: number }>();
  private readonly warned = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** True when the document may be tracked; otherwise remembers and tells the user (once). */
  admits(document: vscode.TextDocument, folder: vscode.WorkspaceFolder, documentPath: string): boolean {
    const limit = maxDocumentSize(folder);
    const size = document.offsetAt(new vscode.Position(document.lineCount, 0));
    if (size <= limit) return true;
    this.tooLarge.set(document.uri.toString(), { size, limit });
    const message = `Policy Annotator does not track annotations in ${documentPath}: it has ${size.toLocaleString('en')} characters, more than policyAnnotator.maxDocumentSize (${limit.toLocaleString('en')}).`;
    this.log.warn(message);
    if (!this.warned.has(message)) {
      this.warned.add(message);
      void vscode.window.showInformationMessage(message);
    }
    return false;
  }

  /** Why commands do nothing on this document, if it was too large. */
  refusal(uri: vscode.Uri): Error | undefined {
    const large = this.tooLarge.get(uri.toString());
    return large && new Error(`${vscode.workspace.asRelativePath(uri)} has ${large.size.toLocaleString('en')} characters, more than policyAnnotator.maxDocumentSize (${large.limit.toLocaleString('en')}): annotations are off for it`);
  }

  /** Settings changed: every document is measured again. */
  clear(): void {
    this.tooLarge.clear();
  }
}
