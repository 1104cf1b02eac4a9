import * as vscode from 'vscode';
import { ANNOTATION_KINDS, AnnotationKind } from '../../core/model';
import { AnnotationService } from '../annotations/annotationService';
import { toRange } from '../annotations/documentOffsets';
import { readSettings } from '../settings';
import type { WorkspaceAnnotations } from '../workspace/workspaceAnnotations';
import { HighlightMode, readHighlightMode, tints } from './highlightMode';

type Style = AnnotationKind | 'review';
/** What an editor shows: tints (and review borders) on the words, and one gutter-and-ruler mark per annotation. */
interface DecorationRanges {
  tint: Record<Style, vscode.Range[]>;
  gutter: Record<AnnotationKind, vscode.Range[]>;
}

/**
 * Tints annotated text by kind; one gutter icon and overview-ruler mark per annotation, at its first
 * line (a mark on every wrapped line of a long sentence made a solid column). Which annotations are
 * tinted follows policyAnnotator.highlight (everything, one kind, or the cursor's paragraph).
 * Entities are underlined by their own decorations, so the two stay readable where they overlap.
 * Types are created once; each refresh makes one setDecorations call per type per visible editor.
 */
export class AnnotationDecorations implements vscode.Disposable {
  private readonly tint: Record<Style, vscode.TextEditorDecorationType>;
  private readonly gutter: Record<AnnotationKind, vscode.TextEditorDecorationType>;
  private readonly disposables: vscode.Disposable[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;
  private readonly dirtyUris = new Set<string>();

  constructor(
    private readonly service: AnnotationService,
    media: vscode.Uri,
    /** Which annotations are current: a version an adjudication superseded gets no tint or mark. */
    private readonly workspace?: WorkspaceAnnotations,
  ) {
    const color = (name: string) => new vscode.ThemeColor(`policyAnnotator.${name}`);
    const tint = (style: Style): vscode.TextEditorDecorationType =>
      vscode.window.createTextEditorDecorationType(
        style === 'review'
          ? { border: '1px dashed', borderColor: color('reviewBorder'), borderRadius: '2px', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed }
          : // The outline is transparent except in high-contrast themes, where themes draw shapes, not shades.
            { backgroundColor: color(`${style}Background`), border: '1px solid', borderColor: color(`${style}Outline`), borderRadius: '2px', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed },
      );
    const gutter = (kind: AnnotationKind): vscode.TextEditorDecorationType =>
      vscode.window.createTextEditorDecorationType({
        gutterIconPath: vscode.Uri.joinPath(media, `gutter-${kind}.svg`),
        gutterIconSize: 'contain',
        overviewRulerColor: color(`${kind}Border`),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
      });
    this.tint = Object.fromEntries([...ANNOTATION_KINDS, 'review'].map((s) => [s, tint(s as Style)])) as Record<Style, vscode.TextEditorDecorationType>;
    this.gutter = Object.fromEntries(ANNOTATION_KINDS.map((k) => [k, gutter(k)])) as Record<AnnotationKind, vscode.TextEditorDecorationType>;
    this.disposables.push(
      ...Object.values(this.tint),
      ...Object.values(this.gutter),
      service.onDidChangeAnnotations((uri) => this.schedule(uri)),
      // A curated version saved in another document supersedes annotations here.
      ...(workspace ? [workspace.onDidChange(() => this.schedule())] : []),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      // Only the paragraph mode depends on where the cursor is.
      vscode.window.onDidChangeTextEditorSelection((e) => readHighlightMode(e.textEditor.document.uri) === 'paragraph' && this.schedule(e.textEditor.document.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => (e.affectsConfiguration('policyAnnotator.annotationDecorations') || e.affectsConfiguration('policyAnnotator.highlight')) && this.schedule()),
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

  /** The tinted ranges an editor shows now, by style (also read by tests). */
  rangesFor(editor: vscode.TextEditor): Record<Style, vscode.Range[]> {
    return this.compute(editor).tint;
  }

  /** Where the gutter marks are: one empty range at the start of each annotation (tests read it). */
  gutterFor(editor: vscode.TextEditor): Record<AnnotationKind, vscode.Range[]> {
    return this.compute(editor).gutter;
  }

  private compute(editor: vscode.TextEditor): DecorationRanges {
    const empty = () => Object.fromEntries(ANNOTATION_KINDS.map((k) => [k, [] as vscode.Range[]])) as Record<AnnotationKind, vscode.Range[]>;
    const ranges: DecorationRanges = { tint: { ...empty(), review: [] }, gutter: empty() };
    const session = this.service.session(editor.document.uri);
    if (!session || !readSettings(vscode.workspace.getWorkspaceFolder(editor.document.uri)).annotationDecorations) return ranges;
    const mode: HighlightMode = readHighlightMode(editor.document.uri);
    const paragraph = editor.document.lineAt(editor.selection.active.line).range;
    const current = this.workspace?.isCurrent(session.folder) ?? (() => true);
    for (const live of session.model.list()) {
      if (!live.span || !current(live.annotation)) continue;
      const range = toRange(editor.document, live.span.start, live.span.end);
      ranges.gutter[live.annotation.kind].push(new vscode.Range(range.start, range.start));
      if (!tints(mode, live.annotation.kind, () => !!range.intersection(paragraph))) continue;
      ranges.tint[live.annotation.kind].push(range);
      if (live.annotation.review || live.status === 'fuzzy') ranges.tint.review.push(range);
    }
    return ranges;
  }

  private apply(editor: vscode.TextEditor): void {
    const ranges = this.compute(editor);
    for (const style of Object.keys(this.tint) as Style[]) editor.setDecorations(this.tint[style], ranges.tint[style]);
    for (const kind of ANNOTATION_KINDS) editor.setDecorations(this.gutter[kind], ranges.gutter[kind]);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}
