// What a UI scenario can do with the code-server workbench, through the keyboard and mouse as a user would.
// Selectors are VS Code 1.100's DOM; keep them here so a VS Code update is fixed in one place.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';

export interface EditorLayout {
  /** Lines on screen, wrapped pieces counted separately. */
  visualLines: number;
  /** Line numbers on screen (document lines). */
  documentLines: number;
  /** How far (px) the longest rendered line reaches past the editor's right edge; <= 0 when nothing is cut off. */
  overflowPx: number;
  /** Horizontal scroll position; 0 when not scrolled sideways. */
  scrollLeft: number;
}

/** The few DOM members the evaluate() callbacks use: the project's tsconfig has no DOM lib, on purpose. */
interface DomElement {
  readonly textContent: string | null;
  readonly className: string;
  readonly offsetTop: number;
  readonly scrollLeft: number;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  getBoundingClientRect(): { right: number };
}

export class Workbench {
  constructor(
    readonly page: Page,
    /** Absolute path of this scenario's own copy of the workspace (seeds/, annotations/, .vscode/). */
    readonly workspace: string,
    private readonly resultsDir: string,
  ) {}

  workspacePath(...segments: string[]): string {
    return join(this.workspace, ...segments);
  }

  /** Loads the workbench and waits until a user could start typing. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor();
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  }

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Runs a command from the Command Palette (F1) by its full title, e.g. 'Policy Annotator: Show Log'. */
  async runCommand(title: string, options: { asks?: boolean } = {}): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.pickFromQuickInput(title, title, options.asks);
  }

  /** Opens a workspace file with Quick Open (Ctrl+P), e.g. openFile('000_d3c97eb98561e2fd.txt'). */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.pickFromQuickInput(name, basename(name));
    await this.page.locator('.editor-group-container.active .tab.active', { hasText: basename(name) }).waitFor();
    await this.activeEditor().locator('.view-line').first().waitFor();
  }

  /**
   * Types query into the open quick input, then picks the row labelled exactly label: Enter when it is
   * the highlighted row, as a user would, else a click (the palette's fuzzy order may put it lower).
   */
  private async pickFromQuickInput(query: string, label: string, asks = false): Promise<void> {
    await this.quickInput().locator('.quick-input-box input').waitFor();
    await this.page.keyboard.type(query);
    await this.chooseRow(label, asks);
  }

  /**
   * Picks the row labelled exactly label: Enter when it is the highlighted row, as a user would, else a
   * click (the palette's fuzzy order may put it lower). With `asks`, the command asks a question next in
   * the same widget, so wait for its empty prompt instead of the widget closing.
   */
  private async chooseRow(label: string, asks: boolean): Promise<void> {
    // Icons ($(name)) render as a leading space in the row's text.
    const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    const row = this.quickInput()
      .locator('.monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exact }) })
      .first();
    await row.waitFor({ timeout: 15_000 }).catch(async () => {
      const rows = await this.quickInput().locator('.monaco-list-row .label-name').allInnerTexts();
      throw new Error(`no quick-input row "${label}"; rows: ${JSON.stringify(rows)}`);
    });
    const title = this.quickInput().locator('.quick-input-title');
    const before = (await title.isVisible()) ? await title.innerText() : '';
    if (await row.evaluate((el) => (el as unknown as DomElement).className.includes('focused'))) {
      await this.page.keyboard.press('Enter');
    } else {
      await row.click();
    }
    if (!asks) {
      // Done when the widget closes, or when the next prompt (another title) takes its place at once.
      for (let i = 0; i < 300; i++) {
        if (!(await this.quickInput().isVisible())) return;
        if (before && (await title.isVisible()) && (await title.innerText()) !== before) return;
        await this.page.waitForTimeout(100);
      }
      throw new Error(`the quick input "${before}" stayed open after choosing "${label}"`);
    }
    const input = this.quickInput().locator('.quick-input-box input');
    for (let i = 0; i < 50 && (await input.inputValue()) !== ''; i++) await this.page.waitForTimeout(100);
  }

  /** The text editor of the active editor group. */
  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** The text of the lines on screen in the active editor, top to bottom, one entry per visual line. */
  async activeEditorLines(): Promise<string[]> {
    return this.activeEditor().evaluate((el) =>
      [...(el as unknown as DomElement).querySelectorAll('.view-line')]
        .sort((a, b) => a.offsetTop - b.offsetTop) // the DOM order of recycled lines is not screen order
        .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ')),
    );
  }

  async activeEditorLayout(): Promise<EditorLayout> {
    return this.activeEditor().evaluate((el) => {
      const editor = el as unknown as DomElement;
      const scrollable = editor.querySelector('.editor-scrollable');
      if (!scrollable) throw new Error('no .editor-scrollable in the active editor');
      const rightEdge = scrollable.getBoundingClientRect().right;
      const rights = [...editor.querySelectorAll('.view-line > span')].map((s) => s.getBoundingClientRect().right);
      return {
        visualLines: editor.querySelectorAll('.view-line').length,
        documentLines: editor.querySelectorAll('.line-numbers').length,
        overflowPx: Math.max(0, ...rights) - rightEdge,
        scrollLeft: scrollable.scrollLeft,
      };
    });
  }

  /** Fails unless the extension is running (Developer: Show Running Extensions); closes that view again. */
  async expectExtensionActive(displayName = 'Policy Annotator'): Promise<void> {
    await this.runCommand('Developer: Show Running Extensions');
    const list = this.page.locator('.runtime-extensions-editor');
    await list.waitFor();
    await list
      .locator('.monaco-list-row .name', { hasText: displayName })
      .waitFor({ timeout: 15_000 })
      .catch(async () => {
        throw new Error(`${displayName} is not among the running extensions:\n${await list.innerText()}`);
      });
    await this.runCommand('View: Close Editor');
  }

  /** Waits until the status bar shows Policy Annotator's counts for the active document: the extension is ready. */
  async waitForAnnotationCounts(): Promise<string> {
    // Other status items share the prefix (the index's progress): wait for the one with the counts.
    const items = this.page.locator('.statusbar-item [aria-label^="Policy Annotator: "], .statusbar-item[aria-label^="Policy Annotator: "]');
    for (let i = 0; i < 300; i++) {
      for (const label of await items.evaluateAll((els) => els.map((e) => (e as unknown as { getAttribute(n: string): string | null }).getAttribute('aria-label') ?? ''))) {
        if (/^Policy Annotator: \d+ claims/.test(label)) return label;
      }
      await this.page.waitForTimeout(100);
    }
    throw new Error('the status bar never showed Policy Annotator\'s counts');
  }

  /** Selects the first occurrence of text in the active editor with Find (Ctrl+F), as a keyboard user would. */
  async selectText(text: string): Promise<void> {
    await this.activeEditor().click({ position: { x: 200, y: 20 } });
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+F');
    const find = this.page.locator('.editor-group-container.active .find-widget textarea, .editor-group-container.active .find-widget input').first();
    await find.waitFor();
    await find.fill(text);
    await this.page.locator('.editor-group-container.active .find-widget .matchesCount', { hasText: /^1 of/ }).waitFor();
    await this.page.keyboard.press('Escape');
  }

  /** Right-clicks the editor's selection and clicks a context-menu entry by its label. */
  async editorContextMenu(label: string): Promise<void> {
    const selected = this.activeEditor().locator('.selected-text').first();
    await selected.waitFor();
    // The highlight lies under the text layer: right-click where it is, as a mouse user does.
    // The highlight element can exist a moment before it is laid out: wait for its box.
    let box = await selected.boundingBox();
    for (let i = 0; i < 50 && !box; i++) {
      await this.page.waitForTimeout(100);
      box = await selected.boundingBox();
    }
    if (!box) throw new Error('the selection is not on screen');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
    const item = this.page.locator('.monaco-menu .action-item .action-label', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
    await item.first().waitFor();
    // Monaco's menu acts on mouse-up after its own hover tracking; hovering then Enter is reliable.
    await item.first().hover();
    await this.page.keyboard.press('Enter');
    await item.first().waitFor({ state: 'hidden' });
  }

  /** Waits for the prompt titled `title` (each of our prompts has one), so an answer never lands in the previous prompt or the editor. */
  async waitForPrompt(title: string): Promise<void> {
    await this.quickInput().locator('.quick-input-title', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).waitFor({ timeout: 15_000 });
  }

  /** Answers the input box titled `title`: replaces its text and presses Enter. */
  async answerInput(title: string, text: string): Promise<void> {
    await this.waitForPrompt(title);
    const input = this.quickInput().locator('.quick-input-box input');
    await input.fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** Answers the quick pick titled `title`: filters by query and chooses the row labelled exactly label. */
  async answerPick(title: string, query: string, label: string): Promise<void> {
    await this.waitForPrompt(title);
    const input = this.quickInput().locator('.quick-input-box input');
    await input.fill(query);
    await this.chooseRow(label, false);
  }

  /** Opens a view container from the activity bar by its title, e.g. 'Policy Annotator'. */
  async openViewContainer(title: string): Promise<void> {
    const icon = this.page.locator(`.activitybar .action-item .action-label[aria-label^="${title}"]`).first();
    await icon.waitFor();
    const checked = await icon.evaluate((el) => (el as unknown as DomElement).className.includes('checked'));
    if (!checked) await icon.click();
  }

  /** Waits (up to 10 s) until a tree view shows a row containing text, and returns all its rows. */
  async waitForTreeRow(viewTitle: string, text: string): Promise<string[]> {
    let rows: string[] = [];
    for (let i = 0; i < 50; i++) {
      rows = await this.treeRows(viewTitle);
      if (rows.some((r) => r.includes(text))) return rows;
      await this.page.waitForTimeout(200);
    }
    throw new Error(`the ${viewTitle} view shows no row with "${text}"; rows: ${JSON.stringify(rows)}`);
  }

  /** The labels of the rows a tree view shows, by the view's title (e.g. 'Claims'). */
  async treeRows(viewTitle: string): Promise<string[]> {
    const pane = this.page.locator('.pane', { has: this.page.locator('.pane-header', { hasText: new RegExp(`^${viewTitle}`) }) }).first();
    await pane.waitFor();
    const header = pane.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    return pane.locator('.monaco-list-row').allInnerTexts();
  }

  /** Hovers the first occurrence of text shown in the active editor and returns the hover card's text. */
  async hoverText(text: string): Promise<string> {
    const span = this.activeEditor().locator('.view-line span', { hasText: text }).first();
    await span.waitFor();
    const box = await span.boundingBox();
    if (!box) throw new Error(`"${text}" is not on screen`);
    await this.page.mouse.move(box.x + 5, box.y + box.height / 2, { steps: 5 });
    // The editor's own hover, not a workbench tooltip left from an earlier mouse position.
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
    await hover.waitFor({ timeout: 15_000 });
    return hover.innerText();
  }

  /** The Problems item's accessible label in the status bar, e.g. "No Problems" or "4 Errors, 0 Warnings". */
  async problemsLabel(): Promise<string> {
    const item = this.page.locator('#status\\.problems .statusbar-item-label, #status\\.problems a').first();
    await item.waitFor();
    return (await item.getAttribute('aria-label')) ?? (await item.innerText());
  }

  /** The texts of the notification toasts on screen now. */
  async notifications(): Promise<string[]> {
    return this.page.locator('.notifications-toasts .notification-toast .notification-list-item-message').allInnerTexts();
  }

  /** The accessible labels of the status bar items. */
  async statusBarLabels(): Promise<string[]> {
    return this.page.locator('.statusbar-item').evaluateAll((els) => els.map((e) => ((e as unknown as { getAttribute(n: string): string | null }).getAttribute('aria-label') ?? (e as unknown as DomElement).textContent ?? '').trim()));
  }

  /** Waits (up to 15 s) for a status bar item whose accessible label matches, and returns the label. */
  async waitForStatus(pattern: RegExp): Promise<string> {
    for (let i = 0; i < 75; i++) {
      const found = (await this.statusBarLabels()).find((l) => pattern.test(l));
      if (found) return found;
      await this.page.waitForTimeout(200);
    }
    throw new Error(`no status bar item matches ${pattern}: ${JSON.stringify(await this.statusBarLabels())}`);
  }

  /** Presses Enter in the open quick pick titled `title` without choosing anything; returns its placeholder after. */
  async enterWithoutChoosing(title: string): Promise<string> {
    await this.waitForPrompt(title);
    await this.page.keyboard.press('Enter');
    await this.page.waitForFunction("/Choose one/.test(document.querySelector('.quick-input-widget .quick-input-box input')?.placeholder ?? '')", undefined, { timeout: 15_000 });
    await this.waitForPrompt(title);
    return (await this.quickInput().locator('.quick-input-box input').getAttribute('placeholder')) ?? '';
  }

  /** The content of the webview panel titled `title` (VS Code nests it in two iframes). */
  async webview(title: string): Promise<FrameLocator> {
    await this.page.locator('.editor-group-container.active .tab.active', { hasText: title }).waitFor();
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  }

  /** Clicks the action button `label` in the title bar of the view titled `viewTitle` (shown on hover). */
  async clickViewTitleAction(viewTitle: string, label: string): Promise<void> {
    const header = this.page.locator('.pane-header', { hasText: new RegExp(`^${viewTitle}`) }).first();
    await header.hover();
    await header.locator(`.action-label[aria-label^="${label}"]`).click();
  }

  /** Saves a screenshot of the whole window to test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(this.resultsDir, { recursive: true });
    const path = join(this.resultsDir, `${name}.png`);
    await this.page.screenshot({ path, animations: 'disabled' }); // fade-ins finished: a toast is shown as the user sees it
    return path;
  }
}
