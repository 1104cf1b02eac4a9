import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Scenario } from '../scenario';

const SEED = '000_d3c97eb98561e2fd.txt';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

const scenario: Scenario = {
  name: 'seed-open',
  description: 'Quick Open a seed document: its text shows, wrapped, and the extension is running',
  async run(wb) {
    await wb.openFile(SEED);
    await wb.expectExtensionActive();

    // Wrapped lines break at spaces, so comparing with whitespace collapsed checks the words and their order.
    const shown = collapse((await wb.activeEditorLines()).join('\n'));
    const start = collapse(readFileSync(wb.workspacePath('seeds', SEED), 'utf8')).slice(0, 500);
    assert.ok(shown.startsWith(start), `the editor shows:\n${shown.slice(0, 600)}\nexpected it to start with:\n${start}`);

    const layout = await wb.activeEditorLayout();
    assert.ok(layout.visualLines > layout.documentLines, `long lines are wrapped: ${JSON.stringify(layout)}`);
    assert.ok(layout.overflowPx <= 0, `no text past the right edge: ${JSON.stringify(layout)}`);
    assert.equal(layout.scrollLeft, 0, 'not scrolled sideways');

    await wb.screenshot('seed-open');
  },
};

export default scenario;
