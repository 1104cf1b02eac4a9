import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contrastRatio, deltaE, hex, type Rgb, sampleArea, topOf } from '../contrast';
import type { Scenario } from '../scenario';
import type { Workbench } from '../workbench';

// Decorations in long prose: one gutter mark per annotation, tints that tell kinds apart in light, dark
// and high-contrast themes (measured from the screenshot's pixels), and the highlight toggle.

const SEED = '000_d3c97eb98561e2fd.txt';
const KINDS = ['claim', 'stance', 'note', 'link'] as const;
const THEMES = [
  ['light', 'Default Light Modern'],
  ['dark', 'Default Dark Modern'],
  ['high-contrast', 'Default High Contrast'],
  ['high-contrast-light', 'Default High Contrast Light'],
] as const;

/** The on-screen element that paints a kind's tint: the overlay whose computed background is that kind's theme colour. */
async function tintElements(wb: Workbench, kind: string) {
  const index = await wb.activeEditor().evaluate((editor, variable) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const g = globalThis as any;
    const probe = g.document.createElement('div');
    probe.style.backgroundColor = `var(${variable})`;
    g.document.querySelector('.monaco-workbench').appendChild(probe);
    const want = g.getComputedStyle(probe).backgroundColor;
    probe.remove();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const overlays: any[] = [...(editor as any).querySelectorAll('.view-overlays > div > div')];
    let best = -1;
    let widest = 0;
    overlays.forEach((el, i) => {
      const box = el.getBoundingClientRect();
      if (g.getComputedStyle(el).backgroundColor === want && box.width > widest && box.height > 8) {
        best = i;
        widest = box.width;
      }
    });
    return best;
  }, `--vscode-policyAnnotator-${kind}Background`);
  if (index < 0) throw new Error(`no ${kind} tint on screen`);
  return wb.activeEditor().locator('.view-overlays > div > div').nth(index);
}

function setTheme(wb: Workbench, theme: string | undefined): void {
  const file = wb.workspacePath('.vscode', 'settings.json');
  const settings = JSON.parse(readFileSync(file, 'utf8'));
  if (theme) settings['workbench.colorTheme'] = theme;
  else delete settings['workbench.colorTheme'];
  writeFileSync(file, JSON.stringify(settings, null, 2));
}

const scenario: Scenario = {
  name: 'decorations',
  description: 'Long prose stays readable: one gutter mark per annotation, kind tints measured in light, dark and high-contrast themes, the highlight toggle',
  timeoutMs: 240_000,
  async run(wb) {
    await wb.openFile(SEED);
    await wb.waitForAnnotationCounts();
    await wb.page.mouse.move(1000, 860);

    // One gutter mark per annotation, where it begins: the wrapped lines that continue a sentence get none
    // (each wrapped line of an annotation had one, a solid column down the margin).
    const layout = await wb.activeEditorLayout();
    const tops = await wb.activeEditor().evaluate((editor) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const all = (selector: string) => [...(editor as any).querySelectorAll(selector)] as any[];
      const marks = all('.cgmr').map((m) => Math.round(m.getBoundingClientRect().top));
      const line = all('.view-line').find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').startsWith('press its advantage'));
      return { marks, continuation: line ? Math.round(line.getBoundingClientRect().top) : -1 };
    });
    assert.ok(tops.marks.length > 0 && tops.marks.length < layout.visualLines, `gutter marks ${tops.marks.length} for ${layout.visualLines} visual lines`);
    assert.ok(tops.continuation > 0, 'the wrapped line "press its advantage…" is on screen');
    assert.ok(!tops.marks.some((t) => Math.abs(t - tops.continuation) < 3), `no mark beside a wrapped continuation line: marks at ${JSON.stringify(tops.marks)}, line at ${tops.continuation}`);
    await wb.screenshot('decorations-gutter');

    const results: Record<string, unknown> = {};
    for (const [name, theme] of THEMES) {
      setTheme(wb, theme);
      await wb.page.waitForTimeout(2500);
      const editorBackground = (await sampleArea(wb.page, await topOf(wb.activeEditor().locator('.view-line').last(), 1))).background;
      const tints: Record<string, Rgb> = {};
      const row: Record<string, unknown> = { editorBackground: hex(editorBackground) };
      for (const kind of KINDS) {
        const { background, ink } = await sampleArea(wb.page, await topOf(await tintElements(wb, kind)));
        tints[kind] = background;
        const textOnTint = contrastRatio(ink, background);
        const fromEditor = deltaE(background, editorBackground);
        row[kind] = { tint: hex(background), text: hex(ink), textOnTint: +textOnTint.toFixed(2), tintVsEditorContrast: +contrastRatio(background, editorBackground).toFixed(2), tintVsEditorDeltaE: +fromEditor.toFixed(1) };
        assert.ok(textOnTint >= 4.5, `${name}: text on a ${kind} tint keeps WCAG AA contrast (${textOnTint.toFixed(2)}:1, ${hex(ink)} on ${hex(background)})`);
        assert.ok(fromEditor >= 5, `${name}: a ${kind} tint is visible against the editor (ΔE ${fromEditor.toFixed(1)})`);
      }
      const pairs: Record<string, number> = {};
      for (let i = 0; i < KINDS.length; i++) {
        for (let j = i + 1; j < KINDS.length; j++) {
          const d = deltaE(tints[KINDS[i]], tints[KINDS[j]]);
          pairs[`${KINDS[i]}/${KINDS[j]}`] = +d.toFixed(1);
          assert.ok(d >= 8, `${name}: ${KINDS[i]} and ${KINDS[j]} tints differ at a glance (ΔE ${d.toFixed(1)})`);
        }
      }
      row.kindDeltaE = pairs;
      results[name] = row;
      await wb.screenshot(`decorations-${name}`);
    }
    setTheme(wb, undefined);
    mkdirSync(join(__dirname, '../../../test-results'), { recursive: true });
    writeFileSync(join(__dirname, '../../../test-results/decorations-contrast.json'), JSON.stringify(results, null, 2));
    console.log(`    contrast (also in test-results/decorations-contrast.json):\n${JSON.stringify(results, null, 1)}`);

    // The status-bar toggle: only the cursor's paragraph is tinted.
    await wb.page.waitForTimeout(1500);
    await wb.page.locator('.statusbar-item[aria-label^="Policy Annotator highlighting"], .statusbar-item [aria-label^="Policy Annotator highlighting"]').first().click();
    await wb.answerPick('Highlight annotations', 'paragraph', 'Current paragraph');
    await wb.waitForStatus(/^Policy Annotator highlighting: Current paragraph/);
    await wb.selectText('For Hong Kong, the real breakthrough');
    await wb.page.keyboard.press('ArrowRight');
    await wb.page.mouse.move(1000, 860);
    await wb.page.waitForTimeout(800);
    await wb.screenshot('decorations-paragraph');
  },
};

export default scenario;
