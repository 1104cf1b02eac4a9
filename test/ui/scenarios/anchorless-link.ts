import * as assert from 'node:assert/strict';
import type { Scenario } from '../scenario';

// A link with no words of its own (issue 16), from the reference corpus: seed 004's claim that Hong Kong
// still has much to learn about smart cities supports seed 003's claim that officials miss the big
// picture. The claim's words carry one hover card, and that card lists the link.
const SEED = '004_37cb7f1bcf4e8cbd.txt';
const WORDS = 'there are still many things to learn and improve';

const scenario: Scenario = {
  name: 'anchorless-link',
  description: "A link between two claims with no words of its own: the claim's one hover card lists it",
  timeoutMs: 120_000,
  async run(wb) {
    await wb.openFile(SEED);
    await wb.selectText(WORDS);
    await wb.page.keyboard.press('ArrowRight'); // no selection over the words to hover
    const card = await wb.hoverText('many things to learn');
    assert.match(card, /Claim — Despite its rapid rise in the smart city ranking, Hong Kong still has much to learn and improve/);
    assert.equal(card.match(/^(Claim|Stance|Note|Link) — /gm)?.length, 1, `one card on the claim's words:\n${card}`);
    assert.match(card, /→ supports seeds\/003_892e88a64976a510\.txt: Hong Kong officials miss the big picture on smart cities/, `the link in the claim's card:\n${card}`);
    assert.match(card, /— Seven years apart, both find Hong Kong behind/, 'the link’s note, clipped');
    await wb.page.waitForTimeout(600); // let the card finish fading in
    await wb.screenshot('anchorless-link-hover');
  },
};

export default scenario;
