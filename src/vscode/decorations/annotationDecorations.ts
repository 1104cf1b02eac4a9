import * as vscode from 'vscode';
import { ANNOTATION_KINDS, AnnotationKind } from '../../core/model';
import { AnnotationService } from '../annotations/annotationService';
import { toRange } from '../annotations/documentOffsets';
import { readSettings } from '../settings';

type Style = AnnotationKind | 'review';

/**
 * Tints annotated text by kind, with gutter icons and overview-ruler marks. Entities are underlined
 * by their own decorations, so the two stay readable where they overlap. Types are created once;
 * each refresh makes one setDecorations call per type per visible editor.
 */
export class AnnotationDecorations implements vscode.Disposable {
  private readonly types: Record<Style, vscode.TextEditorDecorationType>;
  private readonly disposables: vscode.Disposable[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;
  private readonly dirtyUris = new Set<string>();

  constructor(
    private readonly service: AnnotationService,
    media: vscode.Uri,
  ) {
    const type = (style: Style): vscode.TextEditorDecorationType => {
      const color = style === 'review' ? 'reviewBorder' : `${style}Border`;
      return vscode.window.createTextEditorDecorationType({
        backgroundColor: style === 'review' ? undefined : new vscode.ThemeColor(`policyAnnotator.${style}Background`),
        border: style === 'review' ? '1px dashed' : undefined,
        borderColor: style === 'review' ? new vscode.ThemeColor(`policyAnnotator.${color}`) : undefined,
        borderRadius: '2px',
        overviewRulerColor: new vscode.ThemeColor(`policyAnnotator.${color}`),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        gutterIconPath: vscode.Uri.joinPath(media, `gutter-${style}.svg`),
        gutterIconSize: 'contain',
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
    };
    this.types = Object.fromEntries([...ANNOTATION_KINDS, 'review'].map((s) => [s, type(s as Style)])) as Record<Style, vscode.TextEditorDecorationType>;
    this.disposables.push(
      ...Object.values(this.types),
      service.onDidChangeAnnotations((uri) => this.schedule(uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('policyAnnotator.annotationDecorations') && this.schedule()),
    );
    this.schedule();
  }

  /** Coalesces bursts (typing, reloads) into one refresh per editor. */
  private schedule(uri?: vscode.Uri): void {
    this.dirtyUris.add(uri ? uri.toString() : '*');
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      const all = this.dirtyUris.has('*');
      const uris = new Set(this.dirtyUris);
      this.dirtyUris.clear();
      for (const editor of vscode.window.visibleTextEditors) if (all || uris.has(editor.document.uri.toString())) this.apply(editor);
    }, 15);
  }

  /** The decorations an editor shows now, by style (also read by tests). */
  rangesFor(editor: vscode.TextEditor): Record<Style, vscode.Range[]> {
    const ranges = Object.fromEntries([...ANNOTATION_KINDS, 'review'].map((s) => [s, [] as vscode.Range[]])) as Record<Style, vscode.Range[]>;
    const session = this.service.session(editor.document.uri);
    if (!session || !readSettings(vscode.workspace.getWorkspaceFolder(editor.document.uri)).annotationDecorations) return ranges;
    for (const live of session.model.list()) {
      if (!live.span) continue;
      const range = toRange(editor.document, live.span.start, live.span.end);
      ranges[live.annotation.kind].push(range);
      if (live.annotation.review || live.status === 'fuzzy') ranges.review.push(range);
    }
    return ranges;
  }

  private apply(editor: vscode.TextEditor): void {
    const ranges = this.rangesFor(editor);
    for (const style of Object.keys(this.types) as Style[]) editor.setDecorations(this.types[style], ranges[style]);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}
