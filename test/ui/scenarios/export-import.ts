import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { readSidecar } from '../../../src/core/store/readSidecar';
import type { Claim } from '../../../src/core/model';
import { answerFileDialog } from '../fileDialog';
import type { Scenario } from '../scenario';

const SEED = '000_d3c97eb98561e2fd.txt';
/** The claim in test/fixtures/ui/import-claim.jsonld, as a web annotator would hand it over. */
const LABEL = "Hong Kong's tech hubs copy the mainland's corridors";
const FORMATS_TITLE = 'Export annotations as…';

/** Every file under dir, by path relative to it, with its bytes. */
function snapshot(dir: string, root = dir, into = new Map<string, Buffer>()): Map<string, Buffer> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) snapshot(path, root, into);
    else into.set(relative(root, path), readFileSync(path));
  }
  return into;
}

/** Puts the sidecars back as they were: other scenarios and people expect the reference corpus. */
function restore(dir: string, before: Map<string, Buffer>): void {
  for (const [path] of snapshot(dir)) if (!before.has(path)) rmSync(join(dir, path));
  for (const [path, bytes] of before) writeFileSync(join(dir, path), bytes);
}

/** Waits (up to 15 s) for a notification toast matching pattern and returns its text. */
async function waitForNotification(wb: Parameters<Scenario['run']>[0], pattern: RegExp): Promise<string> {
  let seen: string[] = [];
  for (let i = 0; i < 75; i++) {
    seen = await wb.notifications();
    const found = seen.find((n) => pattern.test(n));
    if (found) return found;
    await wb.page.waitForTimeout(200);
  }
  throw new Error(`no notification matches ${pattern}; shown: ${JSON.stringify(seen)}`);
}

const scenario: Scenario = {
  name: 'export-import',
  description: 'Export the corpus as REFI-QDA from the Command Palette, then import a W3C claim and see it in the Claims view',
  timeoutMs: 150_000,
  async run(wb) {
    const annotations = wb.workspacePath('annotations');
    const before = snapshot(annotations);
    const qdpx = wb.workspacePath('corpus-export.qdpx');
    const incoming = wb.workspacePath('from-web-annotator.jsonld');
    try {
      await wb.openFile(SEED);
      const countsBefore = await wb.waitForAnnotationCounts();
      const claimsBefore = Number(/(\d+) claims/.exec(countsBefore)![1]);

      // Export: the format pick lists every format, then the save dialog takes a path.
      await wb.runCommand('Policy Annotator: Export Annotations…', { asks: true });
      await wb.waitForPrompt(FORMATS_TITLE);
      const formats = await wb.quickInput().locator('.monaco-list-row .label-name').allInnerTexts();
      for (const f of ['YAML', 'W3C Web Annotation (JSON-LD)', 'CSV', 'REFI-QDA project (.qdpx)', 'REFI-QDA codebook (.qdc)', 'brat standoff (folder)']) {
        assert.ok(formats.some((r) => r.trim() === f), `the format pick offers ${f}; rows: ${JSON.stringify(formats)}`);
      }
      await wb.screenshot('export-import-formats');
      await wb.answerPick(FORMATS_TITLE, 'REFI', 'REFI-QDA project (.qdpx)');
      await answerFileDialog(wb, 'Export annotations', qdpx);
      const exported = await waitForNotification(wb, /^Exported \d+ annotations from \d+ documents as qdpx to /);
      assert.ok(exported.endsWith('corpus-export.qdpx'), exported);
      assert.ok(existsSync(qdpx), 'the .qdpx file is written where the user said');
      const zip = unzipSync(readFileSync(qdpx));
      assert.ok('project.qde' in zip, `the .qdpx is a zip with project.qde; it holds ${Object.keys(zip).join(', ')}`);
      assert.match(strFromU8(zip['project.qde']), /<Project\b[^>]*xmlns="urn:QDA-XML:project:1\.0"/);
      const exportedCount = Number(/^Exported (\d+)/.exec(exported)![1]);
      assert.equal(strFromU8(zip['project.qde']).match(/<PlainTextSelection\b/g)?.length, exportedCount, 'one selection per exported annotation');

      // Import: a W3C file from a web annotator, picked in the open dialog.
      copyFileSync(join(__dirname, '../../../test/fixtures/ui/import-claim.jsonld'), incoming);
      await wb.runCommand('Policy Annotator: Import Annotations…', { asks: true });
      await answerFileDialog(wb, 'Import annotations', incoming);
      assert.equal(await waitForNotification(wb, /^Imported /), 'Imported 1 annotation; 0 not imported');
      const counts = await wb.waitForStatus(new RegExp(`^Policy Annotator: ${claimsBefore + 1} claims`));
      assert.match(counts, /\d+ stances/);

      await wb.openViewContainer('Policy Annotator');
      await wb.runCommand('Policy Annotator: Filter Annotations…', { asks: true });
      await wb.answerInput('Filter annotations', 'copy the mainland');
      await wb.waitForTreeRow('Claims', LABEL);
      await wb.screenshot('export-import-imported');

      const sidecar = join(annotations, 'seeds', `${SEED}.yaml`);
      const read = readSidecar(readFileSync(sidecar, 'utf8'), sidecar);
      const ours = read.sidecar?.annotations.find((a): a is Claim => a.kind === 'claim' && a.label === LABEL);
      assert.ok(ours, 'the imported claim is saved beside the document');
      assert.equal(ours.author, 'Web Annotator');
      assert.equal(ours.claimType, 'factual');
      assert.equal(ours.anchor.exact, 'they often mirror similar innovation corridors on the mainland');
    } finally {
      restore(annotations, before);
      rmSync(qdpx, { force: true });
      rmSync(incoming, { force: true });
    }
    const after = snapshot(annotations);
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'no sidecar left behind');
    for (const [path, bytes] of before) assert.ok(after.get(path)!.equals(bytes), `${path} is restored`);
  },
};

export default scenario;
