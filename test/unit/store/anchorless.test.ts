// Anchorless links (issue 16): a link between two annotations with no quote of its own. Stored in the
// same `annotations` list without `anchor`; old sidecars read and save unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnchorlessLink } from '../../../src/core/model';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { writeSidecar, writeSidecarWithDocument } from '../../../src/core/store/writeSidecar';
import { clearLayoutCache } from '../../../src/core/yaml/layoutCache';
import { lineDiff } from '../golden';

const text = readFileSync(join(__dirname, 'golden', 'anchorless.yaml'), 'utf8');
const problemsOf = (t: string) => readSidecar(t, 'annotations/x.txt.yaml').problems.map((p) => `${p.line}:${p.column}: ${p.severity}: ${p.message}`);

const newLink = (): AnchorlessLink => ({ id: 'q2w3e4r5', kind: 'link', from: '#p7w2n4zt', to: '#k3m9x2qa', relation: 'elaborates', author: 'Ben Reviewer', created: '2026-11-22T08:00:00Z', modified: '2026-11-22T08:00:00Z' });

describe('anchorless links in sidecars', () => {
  it('reads the link apart from the anchored annotations', () => {
    const read = readSidecar(text, 'anchorless.yaml');
    expect(read.problems).toEqual([]);
    expect(read.sidecar!.annotations.map((a) => a.id)).toEqual(['p7w2n4zt', 'k3m9x2qa']);
    expect(read.sidecar!.links).toEqual([
      { id: 'm4n6b8v2', kind: 'link', from: '#k3m9x2qa', to: 'seeds/002_da90e588b2ada6c6.txt#h2j4k6m8', relation: 'supports', note: 'Both cite the same R&D figures.', author: 'Ada Researcher', created: '2026-11-20T10:07:00Z', modified: '2026-11-20T10:07:00Z' },
    ]);
  });

  it('loads and saves byte for byte, through both writers and with a cold layout cache', () => {
    const read = readSidecar(text, 'anchorless.yaml');
    expect(writeSidecar(read.sidecar!, text)).toBe(text);
    clearLayoutCache();
    expect(writeSidecar(read.sidecar!, text)).toBe(text);
    expect(writeSidecarWithDocument(read.sidecar!, text)).toBe(text);
  });

  it('a fresh sidecar writes anchorless links after the anchored ones, by id', () => {
    const read = readSidecar(text, 'anchorless.yaml');
    const links = [newLink(), ...read.sidecar!.links!];
    const fresh = writeSidecar({ ...read.sidecar!, links });
    expect([...fresh.matchAll(/^ {2}- id: (\S+)/gm)].map((m) => m[1])).toEqual(['p7w2n4zt', 'k3m9x2qa', 'm4n6b8v2', 'q2w3e4r5']);
    expect(fresh).not.toMatch(/id: q2w3e4r5\n(?: {4}.*\n)*? {4}anchor:/);
  });

  it('changing the link touches only its lines; adding one adds only its lines', () => {
    const sidecar = readSidecar(text, 'anchorless.yaml').sidecar!;
    const changed = writeSidecar({ ...sidecar, links: [{ ...sidecar.links![0], relation: 'contradicts' }] }, text);
    expect(lineDiff(text, changed)).toEqual({ removed: ['    relation: supports'], added: ['    relation: contradicts'] });
    const added = writeSidecar({ ...sidecar, links: [...sidecar.links!, newLink()] }, text);
    const diff = lineDiff(text, added);
    expect(diff.removed).toEqual([]);
    expect(diff.added[0]).toBe('  - id: q2w3e4r5');
    expect(diff.added).toHaveLength(8);
    expect(readSidecar(added, 'x.yaml').sidecar!.links!.map((l) => l.id)).toEqual(['m4n6b8v2', 'q2w3e4r5']);
  });

  it('an old sidecar (no anchorless link) keeps no links key and saves unchanged', () => {
    const old = readFileSync(join(__dirname, 'golden', 'basic.yaml'), 'utf8');
    const read = readSidecar(old, 'basic.yaml');
    expect(read.sidecar).not.toHaveProperty('links');
    expect(writeSidecar(read.sidecar!, old)).toBe(old);
  });

  it('refuses an anchorless claim and a link end that is not an annotation, with the line', () => {
    const claim = text.replace('    anchor:\n      exact: Hong Kong is spending a lower share of its gross domestic product on R&D\n      prefix: "might also be asked of Hong Kong.\\nGiven that "\n      suffix: " and that these resources are spr"\n      start: 1000\n      end: 1073\n', '');
    expect(claim).not.toBe(text);
    expect(problemsOf(claim)).toEqual([expect.stringMatching(/^19:5: error: .*anchor/)]);
    const entity = text.replace('to: seeds/002_da90e588b2ada6c6.txt#h2j4k6m8', 'to: hong-kong-government');
    expect(problemsOf(entity)).toEqual(["36:9: error: annotations[2].to 'hong-kong-government' must be an annotation reference, `path#id` or `#id` (a link without an anchor joins two annotations; one with an entity end needs an anchor)"]);
    const dup = text.replace('id: m4n6b8v2', 'id: k3m9x2qa');
    expect(problemsOf(dup)).toEqual(["33:9: error: duplicate id 'k3m9x2qa' (first used by annotations[1])"]);
  });
});
