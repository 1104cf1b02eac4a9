import * as assert from 'node:assert/strict';
import type { Scenario } from '../scenario';

const SEED = '000_d3c97eb98561e2fd.txt';

/** What the browser callbacks use; the project's tsconfig has no DOM lib, on purpose. */
interface Styled {
  getAttribute(name: string): string | null;
}
interface BrowserWindow {
  getComputedStyle(element: unknown): { textDecorationLine: string; textDecorationColor: string };
}

const scenario: Scenario = {
  name: 'entity-hover',
  description: 'Open a seed: catalogue names are underlined; hovering one shows its card with only our command links; the Entities view lists it',
  timeoutMs: 120_000,
  async run(wb) {
    await wb.openFile(SEED);

    // The underline splits the name into its own span once the mentions are scanned (the seed says "President Xi Jinping", an alias).
    const name = wb.activeEditor().locator('.view-line span span', { hasText: /^President\sXi\sJinping$/ }).first();
    await name.waitFor({ timeout: 20_000 });
    const style = await name.evaluate((el) => {
      const s = (globalThis as unknown as BrowserWindow).getComputedStyle(el);
      return { line: s.textDecorationLine, color: s.textDecorationColor };
    });
    assert.match(style.line, /underline/, `the name is underlined: ${JSON.stringify(style)}`);
    assert.doesNotMatch(style.color, /rgba\(0, 0, 0, 0\)|transparent/, `the underline has the theme colour: ${JSON.stringify(style)}`);

    const box = await name.boundingBox();
    if (!box) throw new Error('"President Xi Jinping" is not on screen');
    await wb.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    const card = wb.page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content', { hasText: 'Xi Jinping · person' }).first();
    await card.waitFor({ timeout: 15_000 });
    // Counts arrive once the workspace is scanned.
    await card.locator('p', { hasText: /documents? of the workspace/ }).first().waitFor({ timeout: 15_000 });
    const text = await card.innerText();
    assert.match(text, /Xi Jinping · person · President/);
    assert.match(text, /Criticised local governments for blindly pursuing hot industries/);
    assert.match(text, /Also: President Xi Jinping, Xi/);
    assert.match(text, /\d+ mentions? in this document · \d+ mentions? in \d+ documents? of the workspace/);
    assert.match(text, /Find all mentions · Edit entity · Add alias/);

    const targets = await card.locator('a').evaluateAll((links) => links.map((a) => (a as unknown as Styled).getAttribute('data-href') ?? (a as unknown as Styled).getAttribute('href') ?? ''));
    const commands = targets.filter((t) => t.startsWith('command:'));
    assert.ok(commands.length >= 3, `the actions are links: ${JSON.stringify(targets)}`);
    for (const t of commands) assert.match(t, /^command:policyAnnotator\./, `only our own commands are links: ${t}`);
    await wb.page.waitForTimeout(600); // let the card finish fading in
    await wb.screenshot('entity-hover');

    await wb.page.keyboard.press('Escape');
    await wb.openViewContainer('Policy Annotator');
    const rows = await wb.waitForTreeRow('Entities', 'People');
    assert.ok(rows.some((r) => r.startsWith('Places')), `the Entities view groups by type: ${JSON.stringify(rows)}`);
    await wb.screenshot('entity-view');
  },
};

export default scenario;
