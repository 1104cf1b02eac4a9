import * as vscode from 'vscode';
import { AnnotationKind } from '../../core/model';
import { CommandIds } from '../commandIds';
import { annotatable } from '../documentFilter';

/** policyAnnotator.highlight: which annotations are tinted in the text. */
export type HighlightMode = 'all' | 'paragraph' | AnnotationKind;

const MODES: Array<{ mode: HighlightMode; label: string; short: string; detail: string }> = [
  { mode: 'all', label: 'Everything', short: 'All', detail: 'Tint every annotation' },
  { mode: 'paragraph', label: 'Current paragraph', short: 'Paragraph', detail: 'Tint only the annotations of the paragraph the cursor is in' },
  { mode: 'claim', label: 'Claims only', short: 'Claims', detail: 'Tint claims; the others keep their gutter and ruler marks' },
  { mode: 'stance', label: 'Stances only', short: 'Stances', detail: 'Tint stances; the others keep their gutter and ruler marks' },
  { mode: 'note', label: 'Notes only', short: 'Notes', detail: 'Tint notes; the others keep their gutter and ruler marks' },
  { mode: 'link', label: 'Cross-references only', short: 'Cross-references', detail: 'Tint cross-references; the others keep their gutter and ruler marks' },
];

export function readHighlightMode(scope?: vscode.ConfigurationScope): HighlightMode {
  const value = vscode.workspace.getConfiguration('policyAnnotator', scope).get<string>('highlight');
  return MODES.find((m) => m.mode === value)?.mode ?? 'all';
}

/** Whether an annotation of this kind is tinted in this mode; `inParagraph` is asked only in the paragraph mode. */
export function tints(mode: HighlightMode, kind: AnnotationKind, inParagraph: () => boolean): boolean {
  if (mode === 'all') return true;
  if (mode === 'paragraph') return inParagraph();
  return mode === kind;
}

/** The status-bar toggle ("$(eye) All") and the command it runs, which asks what to highlight. */
export class HighlightToggle implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('policyAnnotator.highlight', vscode.StatusBarAlignment.Right, 99);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor() {
    this.item.name = 'Policy Annotator: highlighting';
    this.item.command = CommandIds.chooseHighlight;
    this.disposables.push(
      vscode.commands.registerCommand(CommandIds.chooseHighlight, (mode?: HighlightMode) => this.choose(mode)),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('policyAnnotator') && this.update()),
    );
    this.update();
  }

  /** The text shown now (tests read it). */
  get text(): string {
    return this.item.text;
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !annotatable(document)) return this.item.hide();
    const mode = MODES.find((m) => m.mode === readHighlightMode(document.uri))!;
    this.item.text = `$(eye) ${mode.short}`;
    this.item.tooltip = `Highlighted: ${mode.label.toLowerCase()}. Click to choose what is highlighted.`;
    this.item.accessibilityInformation = { label: `Policy Annotator highlighting: ${mode.label}. Activate to choose.` };
    this.item.show();
  }

  /** Sets the mode (asks when not given), in the workspace settings; returns it, or undefined when cancelled. */
  async choose(mode?: HighlightMode): Promise<HighlightMode | undefined> {
    const current = readHighlightMode(vscode.window.activeTextEditor?.document.uri);
    if (!mode) {
      const items = MODES.map((m) => ({ label: m.label, description: m.mode === current ? '(current)' : undefined, detail: m.detail, mode: m.mode }));
      const quickPick = vscode.window.createQuickPick<(typeof items)[number]>();
      Object.assign(quickPick, { title: 'Highlight annotations', placeholder: 'Which annotations are tinted in the text?', items });
      // Enter alone keeps what is highlighted now: the current mode is the active row, said so in its description.
      quickPick.activeItems = items.filter((i) => i.mode === current);
      mode = await new Promise<HighlightMode | undefined>((resolve) => {
        let chosen: HighlightMode | undefined;
        quickPick.onDidAccept(() => {
          chosen = quickPick.activeItems[0]?.mode;
          quickPick.hide();
        });
        quickPick.onDidHide(() => {
          quickPick.dispose();
          resolve(chosen);
        });
        quickPick.show();
      });
      if (!mode) return undefined;
    }
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration('policyAnnotator').update('highlight', mode, target);
    return mode;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
