import * as vscode from 'vscode';
import { Annotation, AnchorStatus } from '../core/model';
import { AnnotationService } from './annotations/annotationService';
import type { AnnotationDecorations } from './decorations/annotationDecorations';
import type { AnnotationEditor } from './editing/annotationEditor';
import type { ChangeFeedback } from './editing/changeFeedback';
import type { HighlightToggle } from './decorations/highlightMode';
import type { AnnotationStatusBar } from './statusBar';
import type { AnnotationTreeProvider } from './tree/annotationTree';
import type { ViewKind } from './tree/treeNodes';
import type { ReviewTreeProvider } from './review/reviewTree';
import type { DisagreementTreeProvider } from './team/disagreementTree';
import { toRange } from './annotations/documentOffsets';

/** One annotation as the editor sees it now. */
export interface EditorAnnotation {
  annotation: Annotation;
  status: AnchorStatus;
  /** Undefined when it has no place in the text (orphaned or ambiguous). */
  range: vscode.Range | undefined;
  /** The document's text in the range now. */
  text: string | undefined;
}

/** What `activate` returns: for other extensions and for the integration tests. */
export interface PolicyAnnotatorApi {
  /** Resolves when every load, save and reload started so far has finished. */
  whenIdle(): Promise<void>;
  annotations(uri: vscode.Uri): Promise<EditorAnnotation[]>;
  onDidChangeAnnotations: vscode.Event<vscode.Uri>;
  /** The parts a test (or a curious extension) inspects: tree providers, decorations, status bar. */
  views: ApiViews;
}

export interface ApiViews {
  trees: Record<ViewKind, AnnotationTreeProvider>;
  review: ReviewTreeProvider;
  disagreements: DisagreementTreeProvider;
  decorations: AnnotationDecorations;
  statusBar: AnnotationStatusBar;
  editor: AnnotationEditor;
  /** The status bar's "Added claim … · Undo". */
  feedback: ChangeFeedback;
  /** The status bar's highlight toggle (policyAnnotator.highlight). */
  highlight: HighlightToggle;
}

export function createApi(service: AnnotationService, views: ApiViews): PolicyAnnotatorApi {
  return {
    views,
    whenIdle: () => service.whenIdle(),
    onDidChangeAnnotations: service.onDidChangeAnnotations,
    async annotations(uri) {
      const session = service.session(uri);
      if (!session) return [];
      await session.ready;
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return session.model.list().map((live) => {
        const range = live.span && document ? toRange(document, live.span.start, live.span.end) : undefined;
        return { annotation: live.annotation, status: live.status, range, text: range && document?.getText(range) };
      });
    },
  };
}
