import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { Annotation, Sidecar } from '../../../src/core/model';
import { exportAnnotations, importAnnotations } from '../../../src/core/services';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { REFERENCE_ROOT } from '../export/referenceCorpus';

// The whole reference corpus (seeds/ and annotations/) exported and imported again into a workspace whose
// sidecars were removed: every field of every annotation, and each document's metadata, must come back.

const DOCUMENTS = ['seeds/000_d3c97eb98561e2fd.txt', 'seeds/001_79ead2d7149b2ec1.txt', 'seeds/002_da90e588b2ada6c6.txt', 'seeds/003_892e88a64976a510.txt', 'seeds/004_37cb7f1bcf4e8cbd.txt'];

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'pa-roundtrip-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  for (const dir of ['seeds', 'annotations']) cpSync(join(REFERENCE_ROOT, dir), join(root, dir), { recursive: true });
  return root;
}

const sidecarOf = (root: string, document: string): Sidecar => {
  const file = `annotations/${document}.yaml`;
  const read = readSidecar(readFileSync(join(root, file), 'utf8'), file);
  if (!read.sidecar) throw new Error(`${file} unreadable`);
  return read.sidecar;
};

/** Exports, removes the sidecars (entities.yaml stays), imports; returns the sidecars before and after and the id map. */
async function roundTrip(format: 'w3c' | 'qdpx') {
  const root = workspace();
  const before = DOCUMENTS.map((d) => sidecarOf(root, d));
  const out = format === 'w3c' ? 'out.jsonld' : 'out.qdpx';
  const exported = await exportAnnotations({ root, annotationsFolder: 'annotations', format, out });
  expect(exported.ok).toBe(true);
  rmSync(join(root, 'annotations', 'seeds'), { recursive: true });
  const result = await importAnnotations({ root, annotationsFolder: 'annotations', format, files: [out] });
  expect(result.failures).toEqual([]);
  const after = DOCUMENTS.map((d) => sidecarOf(root, d));
  return { root, out, before, after, result };
}

/** Old id -> new id: the import places the file's annotations in file order, and the export's IRIs end in `#id`. */
function idMap(root: string, out: string, items: Array<{ origin: string; id: string }>): Map<string, string> {
  const json = JSON.parse(readFileSync(join(root, out), 'utf8')) as { first: { items: Array<{ id: string }> } };
  expect(items).toHaveLength(json.first.items.length);
  return new Map(json.first.items.map((a, i) => [decodeURIComponent(a.id.slice(a.id.lastIndexOf('#') + 1)), items[i].id]));
}

/** Field-by-field differences of two annotations, references compared through the id map. */
function differences(a: Annotation, b: Annotation, map: Map<string, string>): string[] {
  const renamed = (v: unknown) => (typeof v === 'string' ? v.replace(/#([^#]+)$/, (m, id) => (map.has(id) ? `#${map.get(id)}` : m)) : v);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => k !== 'id'));
  return [...keys].filter((k) => JSON.stringify(renamed((a as never)[k])) !== JSON.stringify((b as never)[k])).map((k) => `${a.id}.${k}: ${JSON.stringify((a as never)[k])} -> ${JSON.stringify((b as never)[k])}`);
}

describe('reference corpus round trip', () => {
  it('W3C: export then import into empty annotations gives back every annotation field and the metadata', async () => {
    const { root, out, before, after, result } = await roundTrip('w3c');
    const map = idMap(root, out, result.items);
    let compared = 0;
    const diffs: string[] = [];
    before.forEach((sidecar, i) => {
      expect(after[i].metadata).toEqual(sidecar.metadata);
      expect(after[i].annotations).toHaveLength(sidecar.annotations.length);
      const byId = new Map(after[i].annotations.map((a) => [a.id, a]));
      for (const a of sidecar.annotations) {
        compared++;
        diffs.push(...differences(a, byId.get(map.get(a.id)!)!, map));
      }
    });
    expect(compared).toBe(before.reduce((n, s) => n + s.annotations.length, 0));
    expect(compared).toBeGreaterThan(150);
    // Links with no words of their own come back as such, joining the same (renamed) annotations.
    before.forEach((sidecar, i) => {
      expect(after[i].links?.length ?? 0, DOCUMENTS[i]).toBe(sidecar.links?.length ?? 0);
      const byId = new Map((after[i].links ?? []).map((l) => [l.id, l]));
      for (const l of sidecar.links ?? []) diffs.push(...differences(l as unknown as Annotation, byId.get(map.get(l.id)!) as unknown as Annotation, map));
    });
    expect(before.flatMap((s) => s.links ?? [])).toHaveLength(1);
    expect(diffs).toEqual([]);
    expect(before.every((s) => s.metadata && Object.keys(s.metadata).length >= 5)).toBe(true);
  });

  it('REFI-QDA: export then import into empty annotations gives back every document metadata', async () => {
    const { before, after, result } = await roundTrip('qdpx');
    expect(result.imported).toBe(before.reduce((n, s) => n + s.annotations.length + (s.links?.length ?? 0), 0));
    after.forEach((sidecar, i) => expect(sidecar.metadata).toEqual(before[i].metadata));
    // The anchorless link comes back from its <Link> and <Note>: relation, note, author, dates; ends renamed.
    const [link] = before.flatMap((s) => s.links ?? []);
    const back = after.flatMap((s) => s.links ?? []);
    expect(back).toHaveLength(1);
    const { id: _a, from: _f, to: _t, ...fields } = link;
    expect(back[0]).toMatchObject(fields);
    const endOf = (ref: string, sidecars: Sidecar[], i: number) => {
      const [doc, id] = ref.startsWith('#') ? [DOCUMENTS[i], ref.slice(1)] : ref.split('#');
      return (sidecars[DOCUMENTS.indexOf(doc)].annotations.find((a) => a.id === id) as { label?: string } | undefined)?.label;
    };
    const at = after.findIndex((s) => s.links?.length);
    expect([endOf(back[0].from, after, at), endOf(back[0].to, after, at)]).toEqual([endOf(link.from, before, at), endOf(link.to, before, at)]);
  });
});
