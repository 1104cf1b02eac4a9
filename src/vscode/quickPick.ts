import * as vscode from 'vscode';

export interface PickOptions {
  title: string;
  placeHolder?: string;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
}

/**
 * showQuickPick without a silent default: no row is highlighted until the person types or moves, so
 * Enter alone picks nothing and the prompt says how to choose, instead of taking whatever happens to
 * be first (Enter on the claim type used to save "factual"). Resolves to the item, or undefined on Escape.
 */
export function pickItem<I extends vscode.QuickPickItem>(items: readonly I[], options: PickOptions): Promise<I | undefined> {
  const quickPick = vscode.window.createQuickPick<I>();
  quickPick.title = options.title;
  quickPick.placeholder = options.placeHolder;
  quickPick.matchOnDescription = options.matchOnDescription ?? true;
  quickPick.matchOnDetail = options.matchOnDetail ?? true;
  quickPick.ignoreFocusOut = true;
  quickPick.items = items;
  return new Promise<I | undefined>((resolve) => {
    let chosen: I | undefined;
    quickPick.onDidAccept(() => {
      const [item] = quickPick.activeItems;
      if (!item) {
        quickPick.placeholder = `${options.placeHolder ? `${options.placeHolder} ` : ''}Choose one with the arrow keys or by typing, then press Enter (Escape cancels).`;
        return;
      }
      chosen = item;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(chosen);
    });
    // Cleared before show(), so the items and "nothing highlighted" reach the window in one update: set after
    // show(), a separate update left a moment in which the first row was highlighted and Enter took it.
    quickPick.activeItems = [];
    quickPick.show();
  });
}
