import * as assert from 'node:assert/strict';
import type { Scenario } from '../scenario';

// The reference corpus (annotations/seeds/*.txt.yaml) as a newcomer first sees it: the labels below are
// those of seed 000's sidecar, which the corpus test (test/unit/corpus) keeps valid and anchored.
const SEED = '000_d3c97eb98561e2fd.txt';
const GROUP = `seeds/${SEED}`;
const CLAIM = "Hong Kong's recent I&T push shows a concerning sameness";
const STANCE = 'Author · oppose · following mainland industrial trends';
// Links name their target: the claim's label and, for another seed, its file.
const LINK = /^contradicts → Sit welcomes the latest Policy Address/;
// A paragraph that starts with an annotated sentence: hovering its first words shows that claim only.
const HOVER_AT = 'For Hong Kong, the real breakthrough';

const scenario: Scenario = {
  name: 'corpus-overview',
  description: 'Open a seed of the reference corpus: its claims, stances and cross-references fill the views, and a hover card shows a claim with links to the other seeds',
  timeoutMs: 120_000,
  async run(wb) {
    await wb.openFile(SEED);
    await wb.openViewContainer('Policy Annotator');

    // Tree views render only the rows on screen: the first group, this seed's, and its first claims.
    const claims = await wb.waitForTreeRow('Claims', CLAIM);
    assert.ok(claims[0].startsWith(GROUP), `the Claims view groups by document, starting with ${GROUP}: ${JSON.stringify(claims)}`);
    assert.ok(claims.length >= 5, `the Claims view lists the seed's claims: ${JSON.stringify(claims)}`);

    const stances = await wb.waitForTreeRow('Stances', STANCE);
    assert.ok(stances.length >= 3, `the Stances view lists stances: ${JSON.stringify(stances)}`);

    const links = await wb.treeRows('Cross-references');
    assert.ok(links.some((r) => LINK.test(r.trim())), `the Cross-references view lists the seed's links to other seeds: ${JSON.stringify(links)}`);

    const review = await wb.treeRows('Needs Review');
    assert.deepEqual(review, [], 'every corpus annotation anchors exactly: nothing needs review');

    await wb.page.mouse.move(1000, 800); // below the text: no hover card or tooltip in the overview
    await wb.page.waitForTimeout(500);
    await wb.screenshot('corpus-overview');

    const card = await wb.hoverText(HOVER_AT);
    assert.match(card, /Claim — Hong Kong's real breakthrough may lie in leveraging its common law system/);
    assert.match(card, /Speaker: the author · Type: normative/);
    assert.match(card, /Cross-references:/);
    assert.match(card, /→ supports seeds\/004_37cb7f1bcf4e8cbd\.txt: The common law system/, `the link from this claim to seed 004:\n${card}`);
    assert.match(card, /← supports from seeds\/001_79ead2d7149b2ec1\.txt: Hong Kong has competitive strengths/, `the link to this claim from seed 001:\n${card}`);
    await wb.page.waitForTimeout(600); // let the card finish fading in
    await wb.screenshot('corpus-overview-hover');
  },
};

export default scenario;
