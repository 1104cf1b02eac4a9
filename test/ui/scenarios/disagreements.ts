import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createAnchor, fingerprint, normalizeText } from '../../../src/core/anchoring';
import type { Annotation, Claim } from '../../../src/core/model';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import type { Scenario } from '../scenario';

// Two authors coded the same document and differ on one claim's type: the curator opens the
// Disagreements view, compares the versions and accepts one with its inline action.

const DOC = 'seeds/team-doc.txt';
const stamp = { created: '2026-12-01T10:00:00Z', modified: '2026-12-01T10:00:00Z' };

const scenario: Scenario = {
  name: 'disagreements',
  description: 'Two authors disagree on a claim type; the Disagreements view shows both versions and Accept settles it',
  timeoutMs: 150_000,
  async run(wb) {
    const docFile = wb.workspacePath(...DOC.split('/'));
    copyFileSync(wb.workspacePath('seeds', '002_da90e588b2ada6c6.txt'), docFile);
    const bytes = readFileSync(docFile);
    const text = normalizeText(bytes.toString('utf8'));
    const [one, two] = text.split(/(?<=\.)\s+/).filter((s) => s.length > 40 && !s.includes('\n'));
    const claim = (id: string, author: string, quote: string, claimType: Claim['claimType']): Annotation => {
      const start = text.indexOf(quote);
      return { id, kind: 'claim', anchor: createAnchor(text, start, start + quote.length), label: quote.slice(0, 50), speaker: 'author', claimType, author, ...stamp };
    };
    const sidecar = wb.workspacePath('annotations', ...DOC.split('/')) + '.yaml';
    mkdirSync(wb.workspacePath('annotations', 'seeds'), { recursive: true });
    writeFileSync(
      sidecar,
      writeSidecar({
        schemaVersion: 1,
        document: DOC,
        fingerprint: fingerprint(bytes),
        annotations: [claim('alice001', 'Alice', one, 'factual'), claim('bob00001', 'Bob', one, 'normative'), claim('alice002', 'Alice', two, 'causal'), claim('bob00002', 'Bob', two, 'causal')],
      }),
    );

    await wb.openFile('team-doc.txt');
    await wb.openViewContainer('Policy Annotator');
    await wb.runCommand('Policy Annotator: Refresh Disagreements');
    const rows = await wb.waitForTreeRow('Disagreements', 'Bob');
    assert.ok(rows.some((r) => /claim: “/.test(r) && /claimType differ/.test(r)), JSON.stringify(rows));
    assert.ok(rows.some((r) => r.includes('Alice') && r.includes('claimType: factual')), JSON.stringify(rows));
    assert.ok(rows.some((r) => r.includes('Bob') && r.includes('claimType: normative')), JSON.stringify(rows));
    // The competing versions side by side: the row's tooltip is a table, one column per author.
    const bobRow = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: /^Disagreements/ }) }).locator('.monaco-list-row', { hasText: 'Bob' }).first();
    await bobRow.hover();
    await wb.page.waitForTimeout(1500);
    await wb.screenshot('disagreements-view');

    await bobRow.locator('.action-label[aria-label="Accept This Version"]').click();
    let curated: Claim | undefined;
    for (let i = 0; i < 50 && !curated; i++) {
      await wb.page.waitForTimeout(200);
      curated = readSidecar(readFileSync(sidecar, 'utf8'), sidecar).sidecar?.annotations.find((a): a is Claim => !!a.curatedFrom);
    }
    assert.ok(curated, 'the accepted version is written to the sidecar');
    assert.deepEqual([curated.claimType, curated.curatedFrom], ['normative', ['alice001', 'bob00001']]);
    for (let i = 0; i < 50; i++) {
      if (!(await wb.treeRows('Disagreements')).some((r) => r.includes('Bob'))) break;
      await wb.page.waitForTimeout(200);
    }
    assert.ok(!(await wb.treeRows('Disagreements')).some((r) => r.includes('Bob')), 'the settled disagreement leaves the view');
    await wb.page.mouse.move(5, 5);
    await wb.page.waitForTimeout(500);
    await wb.screenshot('disagreements-settled');

    // The Claims view gives the team's answer once: the curated claim, not the two versions it superseded.
    const label = one.slice(0, 50);
    await wb.runCommand('Policy Annotator: Filter Annotations…', { asks: true });
    await wb.answerInput('Filter annotations', one.split(/\s+/).slice(0, 4).join(' '));
    let claims = await wb.waitForTreeRow('Claims', label);
    for (let i = 0; i < 25 && claims.filter((r) => r.startsWith(label)).length !== 1; i++) {
      await wb.page.waitForTimeout(200);
      claims = await wb.treeRows('Claims');
    }
    assert.equal(claims.filter((r) => r.startsWith(label)).length, 1, `one claim after Accept: ${JSON.stringify(claims)}`);
    await wb.runCommand('Policy Annotator: Show Superseded Annotations');
    for (let i = 0; i < 25 && claims.filter((r) => r.includes(`superseded by ${curated.id}`)).length !== 2; i++) {
      await wb.page.waitForTimeout(200);
      claims = await wb.treeRows('Claims');
    }
    assert.equal(claims.filter((r) => r.startsWith(label)).length, 3, `the superseded versions on demand: ${JSON.stringify(claims)}`);
    assert.equal(claims.filter((r) => r.includes(`superseded by ${curated.id}`)).length, 2, JSON.stringify(claims));
    // The tooltip of a superseded version says what replaced it.
    await wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: /^Claims/ }) }).locator('.monaco-list-row', { hasText: 'superseded by' }).first().hover();
    await wb.page.waitForTimeout(1500);
    await wb.screenshot('disagreements-superseded-shown');
    await wb.runCommand('Policy Annotator: Hide Superseded Annotations');
    await wb.runCommand('Policy Annotator: Clear Filter');
  },
};

export default scenario;
