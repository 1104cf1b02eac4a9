import * as vscode from 'vscode';
import type { Mention } from '../../core/entities/types';
import { toNormalizedOffset, toRange } from '../annotations/documentOffsets';
import { affectsEntitySettings, readEntitySettings } from './entitySettings';
import type { EntityService } from './entityService';
import { decorationOptions, kindOf, STYLE_KEYS, type StyleKey, styleOf } from './entityStyles';
import { firstEndingAfter } from '../../core/entities/mentionEdits';

/** Above this size only the lines on screen (and a margin) are decorated. */
const LARGE_DOCUMENT_CHARS = 300_000;
const MARGIN_LINES = 150;
const UPDATE_DELAY_MS = 40;

/**
 * Underlines entity, value and candidate mentions in the visible editors: one decoration type per
 * style, created once; one setDecorations call per type and editor, skipped when nothing changed.
 */
export class EntityDecorations implements vscode.Disposable {
  private readonly types = new Map<StyleKey, vscode.TextEditorDecorationType>();
  /** What each editor shows now, per style: a fingerprint of the ranges. */
  private readonly shown = new WeakMap<vscode.TextEditor, Map<StyleKey, string>>();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly service: EntityService) {
    this.disposables.push(
      service.onDidChangeMentions((e) => (e.shifted ? this.forgetShown(e.document) : this.schedule(e.document.uri))),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => isLarge(e.textEditor.document) && this.schedule(e.textEditor.document.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => (affectsEntitySettings(e, 'entityDecorations') || affectsEntitySettings(e, 'entityTypes')) && this.schedule()),
    );
    this.schedule();
  }

  /** Redraws the editors of one document, or of all documents, after a short pause. */
  schedule(uri?: vscode.Uri): void {
    this.pending.add(uri ? uri.toString() : '*');
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const all = this.pending.has('*');
      const uris = new Set(this.pending);
      this.pending.clear();
      for (const editor of vscode.window.visibleTextEditors) if (all || uris.has(editor.document.uri.toString())) this.update(editor);
    }, UPDATE_DELAY_MS);
  }

  /** The editor moved its decorations with the edit, so what it shows is no longer what was set. */
  private forgetShown(document: vscode.TextDocument): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== document) continue;
      const shown = this.shown.get(editor);
      for (const [key, print] of shown ?? []) if (!print.startsWith('0:')) shown!.delete(key);
    }
  }

  private update(editor: vscode.TextEditor): void {
    const state = this.service.documentState(editor.document.uri);
    const settings = readEntitySettings(editor.document.uri);
    const byStyle = new Map<StyleKey, vscode.Range[]>(STYLE_KEYS.map((k) => [k, []]));
    if (state && settings.entityDecorations) {
      const enabled = new Set<string>(settings.entityTypes);
      for (const m of this.inView(editor, state.mentions)) if (enabled.has(kindOf(m))) byStyle.get(styleOf(m))!.push(toRange(editor.document, m.start, m.end));
    }
    const shown = this.shown.get(editor) ?? new Map<StyleKey, string>();
    this.shown.set(editor, shown);
    for (const [key, ranges] of byStyle) {
      const print = fingerprint(ranges);
      if ((shown.get(key) ?? NOTHING) === print) continue;
      editor.setDecorations(this.type(key), ranges);
      shown.set(key, print);
    }
  }

  /** Every mention, or in a large document those on screen plus a margin. */
  private inView(editor: vscode.TextEditor, mentions: readonly Mention[]): readonly Mention[] {
    const document = editor.document;
    if (!isLarge(document) || !editor.visibleRanges.length) return mentions;
    const out: Mention[] = [];
    for (const visible of editor.visibleRanges) {
      const from = toNormalizedOffset(document, new vscode.Position(Math.max(0, visible.start.line - MARGIN_LINES), 0));
      const to = toNormalizedOffset(document, document.lineAt(Math.min(document.lineCount - 1, visible.end.line + MARGIN_LINES)).range.end);
      for (let i = firstEndingAfter(mentions, from); i < mentions.length && mentions[i].start < to; i++) {
        if (out[out.length - 1] !== mentions[i]) out.push(mentions[i]);
      }
    }
    return out;
  }

  private type(key: StyleKey): vscode.TextEditorDecorationType {
    let type = this.types.get(key);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType(decorationOptions(key));
      this.types.set(key, type);
    }
    return type;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const t of this.types.values()) t.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

const NOTHING = fingerprint([]);

function isLarge(document: vscode.TextDocument): boolean {
  return document.offsetAt(new vscode.Position(document.lineCount, 0)) > LARGE_DOCUMENT_CHARS;
}

/** Cheap identity of a range list (count and a hash of the offsets). */
function fingerprint(ranges: readonly vscode.Range[]): string {
  let hash = 2166136261;
  for (const r of ranges) {
    for (const n of [r.start.line, r.start.character, r.end.line, r.end.character]) hash = Math.imul(hash ^ n, 16777619);
  }
  return `${ranges.length}:${hash >>> 0}`;
}
