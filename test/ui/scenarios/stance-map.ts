import * as assert from 'node:assert/strict';
import type { Scenario } from '../scenario';

// The Stance Map on the reference corpus: opened from the Stances view's title, the five seeds in date
// order, each topic's verdict per document; arrow keys and Enter open a passage.
const ROW = 'following mainland industrial trends';

const scenario: Scenario = {
  name: 'stance-map',
  description: 'Open the Stance Map from the Stances view: topics by documents in date order, a cell per verdict; Enter on a cell opens its passage; the timeline places them by date',
  timeoutMs: 150_000,
  async run(wb) {
    await wb.openFile('000_d3c97eb98561e2fd.txt');
    await wb.openViewContainer('Policy Annotator');
    await wb.waitForTreeRow('Stances', 'following mainland industrial trends');
    await wb.clickViewTitleAction('Stances', 'Stance Map');
    const map = await wb.webview('Stance Map');
    await map.locator('table[role=grid]').waitFor({ timeout: 30_000 });

    const dates = await map.locator('thead th .date').allInnerTexts();
    assert.deepEqual(dates, ['2018-11-17', '2022-01', '2023-04', '2023-10-16', '2025-07'], 'documents in date order');
    const rows = await map.locator('tbody th').allInnerTexts();
    assert.equal(rows[0], 'integration with the mainland and the Greater Bay Area');
    assert.ok(rows.includes(ROW), JSON.stringify(rows));
    const oppose = map.locator(`button.cell[aria-label^="${ROW} in Why the China smart city"]`);
    assert.match((await oppose.getAttribute('aria-label')) ?? '', /: oppose \(1 oppose\) by EJ Insight writer$/);
    assert.equal(await oppose.innerText().then((t) => t.split('\n')[0]), '−1');
    await wb.page.mouse.move(700, 880);
    await wb.page.waitForTimeout(400);
    await wb.screenshot('stance-map');

    // Keyboard: the first cell takes focus, arrows walk to the trends row's first cell, Enter opens it.
    await map.locator('button.cell[tabindex="0"]').focus();
    const r = rows.indexOf(ROW);
    for (let i = 0; i < r; i++) await wb.page.keyboard.press('ArrowDown');
    assert.match((await map.locator('button.cell:focus').getAttribute('aria-label')) ?? '', new RegExp(`^${ROW} in Why the China`));
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.editor-group-container.active .tab.active', { hasText: '003_892e88a64976a510.txt' }).waitFor({ timeout: 15_000 });

    await wb.runCommand('Policy Annotator: Stance Map');
    const again = await wb.webview('Stance Map');
    await again.locator('button[data-mode=timeline]').click();
    await again.locator('.timeline svg').waitFor();
    assert.ok((await again.locator('.timeline svg g.cell').count()) >= 20, 'the timeline plots the dated cells');
    await wb.page.waitForTimeout(400);
    await wb.screenshot('stance-map-timeline');
  },
};

export default scenario;
