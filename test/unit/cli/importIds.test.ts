import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { corpusRoot, expectedDir } from '../export/fixtureCorpus';
import { cli } from './runCliCapture';

// import --json maps each item of the foreign file (by its id there) to the id it got in the sidecar.

const A = 'seeds/000_hong_kong_tech.txt';

function freshWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'pa-import-ids-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  cpSync(corpusRoot, root, { recursive: true });
  rmSync(join(root, 'annotations', 'seeds'), { recursive: true });
  return root;
}

const annotationsOf = (root: string, doc: string) => readSidecar(readFileSync(join(root, 'annotations', `${doc}.yaml`), 'utf8'), doc).sidecar!.annotations;

interface Item {
  origin: string;
  sourceId?: string;
  document: string;
  id: string;
  kind: string;
}

describe('import --json: each foreign id mapped to the sidecar id it was given', () => {
  it('W3C: every annotation id of the collection but the refused one, each to an annotation now in its sidecar', async () => {
    const root = freshWorkspace();
    const file = join(expectedDir, 'corpus.w3c.json');
    const result = await cli(root, 'import', '--format', 'w3c', '--json', file);
    const report = JSON.parse(result.out);
    const items: Item[] = report.items;
    const w3cIds: string[] = JSON.parse(readFileSync(file, 'utf8')).first.items.map((a: { id: string }) => a.id);
    expect(items).toHaveLength(11);
    expect(new Set(items.map((i) => i.sourceId)).size).toBe(11);
    expect(items.every((i) => w3cIds.includes(i.sourceId!))).toBe(true);
    // The refused one is listed with its message, and is the one id left over.
    const refused = w3cIds.filter((id) => !items.some((i) => i.sourceId === id));
    expect(report.failures).toEqual([{ origin: expect.stringMatching(/corpus\.w3c\.json:\d+$/), sourceId: refused[0], reason: expect.stringMatching(/"a sentence that was deleted" .* was not found$/) }]);
    for (const item of items) {
      const made = annotationsOf(root, item.document).find((a) => a.id === item.id);
      expect(made?.kind).toBe(item.kind);
    }
    // Our own export keeps the annotation's id in its IRI: the same annotation comes back.
    const claim = items.find((i) => i.sourceId!.endsWith('#c1a2m3s4'))!;
    const original = readSidecar(readFileSync(join(corpusRoot, 'annotations', `${A}.yaml`), 'utf8'), A).sidecar!.annotations.find((a) => a.id === 'c1a2m3s4')!;
    expect(annotationsOf(root, A).find((a) => a.id === claim.id)!.anchor.exact).toBe(original.anchor.exact);
  });

  it('brat: T and R ids to the annotations they became, the bad line refused with its message', async () => {
    const root = freshWorkspace();
    const text = readFileSync(join(root, A), 'utf8').replace(/\r\n/g, '\n');
    const at = (q: string) => {
      const s = [...text.slice(0, text.indexOf(q))].length;
      return `${s} ${s + [...q].length}\t${q}`;
    };
    writeFileSync(join(root, 'x.ann'), [`T4\tPremise ${at('compete on price')}`, `T7\tPremise ${at('blindly pursuing')}`, 'R2\tSupports Arg1:T4 Arg2:T7', '#1\tAnnotatorNotes T7\tsee page 3', 'T9\tPremise 0 5\tWrong', ''].join('\n'));
    const result = await cli(root, 'import', '--format', 'brat', '--document', A, '--json', 'x.ann');
    const report = JSON.parse(result.out);
    const bySource = Object.fromEntries((report.items as Item[]).map((i) => [i.sourceId, i]));
    expect(Object.keys(bySource).sort()).toEqual(['R2', 'T4', 'T7']);
    const made = annotationsOf(root, A);
    const get = (source: string) => made.find((a) => a.id === bySource[source].id)!;
    expect(get('T4').anchor.exact).toBe('compete on price');
    expect(get('T7')).toMatchObject({ anchor: { exact: 'blindly pursuing' }, note: 'see page 3' });
    // A brat relation has no span: it becomes a link with no words of its own.
    const links = readSidecar(readFileSync(join(root, 'annotations', `${A}.yaml`), 'utf8'), A).sidecar!.links!;
    expect(links.find((l) => l.id === bySource.R2.id)).toMatchObject({ kind: 'link', from: `#${bySource.T4.id}`, to: `#${bySource.T7.id}` });
    expect(bySource.T4.origin).toBe('x.ann:1');
    expect(report.failures).toEqual([{ origin: 'x.ann:5', sourceId: 'T9', reason: '"Wrong" in seeds/000_hong_kong_tech.txt was not found' }]);
  });
});
