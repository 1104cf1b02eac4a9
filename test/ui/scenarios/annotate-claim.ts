import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Scenario } from '../scenario';

const SEED = '000_d3c97eb98561e2fd.txt';
const LABEL = 'Hong Kong spends a lower share of GDP on R&D';

const scenario: Scenario = {
  name: 'annotate-claim',
  description: 'Select words, Add Claim from the context menu, answer the prompts, see it in the tree and hover it',
  timeoutMs: 120_000,
  async run(wb) {
    await wb.openFile(SEED);
    await wb.selectText('lower share of its gross domestic product');
    await wb.editorContextMenu('Add Claim');
    await wb.answerInput(LABEL);
    await wb.answerPick('author', 'The author');
    await wb.answerPick('factual', 'factual');

    const sidecar = wb.workspacePath('annotations', 'seeds', `${SEED}.yaml`);
    let text = '';
    for (let i = 0; i < 50 && !text.includes(LABEL); i++) {
      await wb.page.waitForTimeout(200);
      try {
        text = readFileSync(sidecar, 'utf8');
      } catch {
        text = '';
      }
    }
    assert.match(text, new RegExp(`label: ${LABEL.replace(/[&]/g, '\\$&')}`), 'the claim is saved beside the document');
    assert.match(text, /exact: Given that Hong Kong is spending a lower share .* in these areas\.\n/, `the selection snapped to its sentence:\n${text}`);

    await wb.openViewContainer('Policy Annotator');
    await wb.waitForTreeRow('Claims', LABEL);
    await wb.screenshot('annotate-claim-tree');

    const card = await wb.hoverText('gross domestic product');
    assert.match(card, /Claim — Hong Kong spends a lower share of GDP on R&D/);
    assert.match(card, /Speaker: the author · Type: factual/);
    await wb.page.waitForTimeout(600); // let the card finish fading in
    await wb.screenshot('annotate-claim-hover');
  },
};

export default scenario;
