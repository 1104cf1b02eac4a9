// What a UI scenario can do with the code-server workbench, through the keyboard and mouse as a user would.
// Selectors are VS Code 1.100's DOM; keep them here so a VS Code update is fixed in one place.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

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
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.pickFromQuickInput(title, title);
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
  private async pickFromQuickInput(query: string, label: string): Promise<void> {
    await this.quickInput().locator('.quick-input-box input').waitFor();
    await this.page.keyboard.type(query);
    const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = this.quickInput()
      .locator('.monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exact }) })
      .first();
    await row.waitFor({ timeout: 15_000 }).catch(async () => {
      const rows = await this.quickInput().locator('.monaco-list-row .label-name').allInnerTexts();
      throw new Error(`no quick-input row "${label}" for "${query}"; rows: ${JSON.stringify(rows)}`);
    });
    if (await row.evaluate((el) => (el as unknown as DomElement).className.includes('focused'))) {
      await this.page.keyboard.press('Enter');
    } else {
      await row.click();
    }
    await this.quickInput().waitFor({ state: 'hidden' });
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

  /** Saves a screenshot of the whole window to test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(this.resultsDir, { recursive: true });
    const path = join(this.resultsDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}
