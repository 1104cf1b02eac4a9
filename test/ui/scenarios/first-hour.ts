import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Scenario } from '../scenario';
import type { Workbench } from '../workbench';

// A new user's first hour, as ONE path: `npm start`'s workspace opens the first sample with the
// walkthrough; read an entity's hover inside a claim; add a claim; link it to a claim in another
// sample; review the change; export. No diagnostic, notification or log error the user did not cause.

const SEED = '000_d3c97eb98561e2fd.txt';
const CLAIM_WORDS = 'The Central Urban Work Conference';
const LABEL = 'Efficiency of existing capacity could apply to Hong Kong';

async function assertQuiet(wb: Workbench, step: string, allowed: RegExp[] = []): Promise<void> {
  const problems = await wb.problemsLabel();
  assert.match(problems, /^No Problems|^0 errors?, 0 warnings?|Errors?: 0, Warnings?: 0/i, `${step}: the Problems item says ${problems}`);
  const toasts = (await wb.notifications()).filter((t) => !allowed.some((a) => a.test(t)));
  assert.deepEqual(toasts, [], `${step}: no notification the user did not cause`);
}

const scenario: Scenario = {
  name: 'first-hour',
  description: "A new user's path from npm start's workspace: walkthrough, entity hover, first claim, first link, first review, first export, with no false alarm",
  timeoutMs: 300_000,
  startsLikeNpmStart: true,
  async run(wb) {
    // The repository a user clones: the corpus committed, so the review at the end shows what they changed.
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=t@example.invalid', ...args], { cwd: wb.workspace, stdio: 'pipe' });
    git('init', '-q');
    git('add', 'seeds', 'annotations');
    git('commit', '-qm', 'corpus');

    // 1. Start: the first sample and the walkthrough open by themselves; the Explorer shows documents, not the product's files.
    const walkthrough = wb.page.locator('.gettingStartedContainer', { hasText: 'Policy Annotator: the first hour' }).first();
    await walkthrough.waitFor({ timeout: 90_000 });
    await wb.page.locator('.tab', { hasText: SEED }).first().waitFor({ timeout: 30_000 });
    const explorer = await wb.page.locator('.explorer-folders-view .monaco-list-row').allInnerTexts();
    assert.ok(explorer.some((r) => r.trim() === 'seeds') && explorer.some((r) => r.trim() === 'annotations'), `documents and annotations in the Explorer: ${JSON.stringify(explorer)}`);
    for (const hidden of ['src', 'test', 'node_modules', 'dist', 'bench']) assert.ok(!explorer.some((r) => r.trim() === hidden), `${hidden} is not in the Explorer: ${JSON.stringify(explorer)}`);
    await wb.waitForAnnotationCounts(); // the sample's tints are drawn
    await wb.screenshot('first-hour-1-start');
    await assertQuiet(wb, 'start');

    // 2. The document, then an entity's hover inside a claim: the entity first, then the claim.
    await wb.page.locator('.tab', { hasText: SEED }).first().click();
    await wb.waitForAnnotationCounts();
    await wb.waitForStatus(/^Policy Annotator highlighting: Everything/);
    const name = wb.activeEditor().locator('.view-line span span', { hasText: /^President\sXi\sJinping$/ }).first();
    await name.waitFor({ timeout: 20_000 });
    const box = await name.boundingBox();
    if (!box) throw new Error('"President Xi Jinping" is not on screen');
    await wb.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    const card = wb.page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content', { hasText: 'Xi Jinping · person' }).first();
    await card.waitFor({ timeout: 15_000 });
    const text = await card.innerText();
    assert.ok(text.indexOf('Xi Jinping · person') < text.indexOf('Claim —'), `the entity under the pointer leads, the claim around it follows:\n${text}`);
    await wb.screenshot('first-hour-2-hover');
    await wb.page.keyboard.press('Escape');
    await wb.page.mouse.move(1000, 850);

    // 3. First claim, opening the catalogue first (Add Claim reads it): no false Problems, no silent default.
    await wb.openFile('entities.yaml');
    await wb.openFile(SEED);
    await wb.selectText(CLAIM_WORDS);
    await wb.editorContextMenu('Add Claim');
    await wb.answerInput('Claim', LABEL);
    await wb.answerPick('Speaker', 'author', 'The author');
    const placeholder = await wb.enterWithoutChoosing('Claim type');
    assert.match(placeholder, /Choose one/, `Enter alone picks no claim type and says what to do: ${placeholder}`);
    await wb.answerPick('Claim type', 'factual', 'factual');
    const done = await wb.waitForStatus(/^Policy Annotator: Added claim \w+ “Efficiency of existing capacity/);
    assert.match(done, /Activate to undo/);
    await assertQuiet(wb, 'first claim');
    await wb.screenshot('first-hour-3-claim');

    // 4. First link: words inside the new claim, linked to a claim in another sample.
    await wb.selectText('Work Conference');
    await wb.runCommand('Policy Annotator: Link To…', { asks: true });
    await wb.answerPick('Link to…', 'common law system is part', "The common law system is part of Hong Kong's unique advantages, easing exchange…");
    await wb.answerPick('Relation', 'supports', 'supports');
    await wb.waitForStatus(/^Policy Annotator: Added link/);
    await wb.openViewContainer('Policy Annotator');
    await wb.runCommand('Policy Annotator: Filter Annotations…', { asks: true });
    await wb.answerInput('Filter annotations', 'Work Conference');
    await wb.waitForTreeRow('Cross-references', 'supports → The common law system');
    await assertQuiet(wb, 'first link');
    await wb.screenshot('first-hour-4-link');
    await wb.runCommand('Policy Annotator: Clear Filter');

    // 5. First review: what changed since the corpus was committed (at the start): the new claim and link.
    await wb.runCommand('Policy Annotator: Review Annotation Changes…', { asks: true });
    await wb.answerPick('Review annotation changes since…', 'HEAD', 'HEAD');
    const changes = await wb.waitForTreeRow('Annotation Changes', 'added claim: The Central Urban Work Conference');
    assert.ok(changes.some((r) => r.includes('added link')), `the review lists the new claim and link: ${JSON.stringify(changes)}`);
    await assertQuiet(wb, 'first review');
    await wb.screenshot('first-hour-5-review');

    // 6. First export: CSV, saved where it is offered.
    await wb.runCommand('Policy Annotator: Export Annotations…', { asks: true });
    await wb.answerPick('Export annotations as…', 'csv', 'CSV');
    await wb.waitForPrompt('Export annotations');
    // The save dialog offers annotations-export.csv in the workspace folder: accept what it offers once it shows it.
    await wb.page.waitForFunction("/\\/annotations-export\\.csv$/.test(document.querySelector('.quick-input-widget .quick-input-box input')?.value ?? '')", undefined, { timeout: 15_000 });
    await wb.page.keyboard.press('Enter');
    const exported = /^Exported \d+ annotations from \d+ documents as csv to .*annotations-export\.csv/;
    const toast = wb.page.locator('.notifications-toasts .notification-toast .notification-list-item-message', { hasText: exported }).first();
    await toast.waitFor({ timeout: 30_000 });
    const csv = wb.workspacePath('annotations-export.csv');
    assert.ok(existsSync(csv), `the export is written where the toast says: ${await toast.innerText()}`);
    assert.match(readFileSync(csv, 'utf8'), new RegExp(LABEL), 'and holds the new claim');
    // The export's own progress notification may stay a moment after the result (VS Code keeps it up to avoid
    // flicker): it is the user's doing, but it must go away by itself.
    await wb.page.locator('.notifications-toasts .notification-toast .notification-list-item-message', { hasText: /^Exporting annotations/ }).first().waitFor({ state: 'detached', timeout: 15_000 });
    await assertQuiet(wb, 'first export', [exported]);
    // Every step of the walkthrough is ticked by what the user did, not by a command they never ran.
    const steps = wb.page.locator('.gettingStartedContainer .getting-started-step');
    type Step = { getAttribute(n: string): string | null; querySelector(q: string): { textContent: string | null } | null };
    const ticked = await steps.evaluateAll((els) => (els as unknown as Step[]).map((e) => `${e.getAttribute('aria-checked') === 'true' ? '✓' : '○'} ${(e.querySelector('.step-title')?.textContent ?? '').trim()}`));
    assert.deepEqual(ticked, ['✓ Open a document', "✓ Read an entity's hover", '✓ Add a claim', '✓ Link two claims', '✓ Review a change', '✓ Export'], 'walkthrough progress');
    await wb.screenshot('first-hour-6-export');
  },
};

export default scenario;
