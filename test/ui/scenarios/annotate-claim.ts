import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readSidecar } from '../../../src/core/store/readSidecar';
import type { Claim } from '../../../src/core/model';
import type { Scenario } from '../scenario';

const SEED = '000_d3c97eb98561e2fd.txt';
const LABEL = 'Hong Kong spends a lower share of GDP on R&D';
/** The workspace settings name this author; the reference corpus has its own, so our claim is the one by this author. */
const AUTHOR = 'Test Author';

const scenario: Scenario = {
  name: 'annotate-claim',
  description: 'Select words, Add Claim from the context menu, answer the prompts, see it in the tree and hover it',
  timeoutMs: 120_000,
  async run(wb) {
    await wb.openFile(SEED);
    assert.match(await wb.waitForAnnotationCounts(), /\d+ claims, \d+ stances/);
    await wb.selectText('lower share of its gross domestic product');
    await wb.editorContextMenu('Add Claim');
    await wb.answerInput('Claim', LABEL);
    await wb.answerPick('Speaker', 'author', 'The author');
    await wb.answerPick('Claim type', 'factual', 'factual');

    const sidecar = wb.workspacePath('annotations', 'seeds', `${SEED}.yaml`);
    let ours: Claim | undefined;
    for (let i = 0; i < 50 && !ours; i++) {
      await wb.page.waitForTimeout(200);
      const read = readSidecar(readFileSync(sidecar, 'utf8'), sidecar);
      ours = read.sidecar?.annotations.find((a): a is Claim => a.kind === 'claim' && a.author === AUTHOR);
    }
    assert.ok(ours, 'the claim is saved beside the document');
    assert.equal(ours.label, LABEL);
    assert.equal(ours.speaker, 'author');
    assert.equal(ours.claimType, 'factual');
    assert.match(ours.anchor.exact, /^Given that Hong Kong is spending a lower share .* in these areas\.$/, 'the selection snapped to its sentence');

    await wb.openViewContainer('Policy Annotator');
    // The reference corpus fills the view; narrow it as a person would.
    await wb.runCommand('Policy Annotator: Filter Annotations…', { asks: true });
    await wb.answerInput('Filter annotations', 'spends a lower share');
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
