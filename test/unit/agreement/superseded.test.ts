// After an adjudication the competing versions carry `supersededBy`: every reader of the current
// annotations (the stance map, exports, needs review) must see the team's answer once, while a
// `supersededBy` that names nothing hides nothing and is reported with file and line.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adjudicate } from '../../../src/core/agreement/adjudicate';
import { isSuperseded, lookupOf, supersession, withoutSuperseded } from '../../../src/core/agreement/superseded';
import { createAnchor, fingerprint, normalizeText } from '../../../src/core/anchoring';
import type { Annotation } from '../../../src/core/model';
import type { StanceMap } from '../../../src/core/stanceMap';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { locateReferenceProblems } from '../../../src/core/workspace/checkReferences';
import { reviewReason } from '../../../src/core/workspace/needsReview';
import { cli } from '../cli/runCliCapture';
import { tempRepo } from '../cli/tempRepo';

const DOC = 'seeds/001_79ead2d7149b2ec1.txt';
const stamp = { created: '2026-11-22T10:00:00Z', modified: '2026-11-22T10:00:00Z' };

describe('superseded: the definition', () => {
  const a = { id: 'aaaa0001', supersededBy: 'cccc0001' };
  it('is superseded when supersededBy names an annotation that exists, current otherwise', () => {
    const lookup = lookupOf([a, { id: 'cccc0001' }]);
    expect(supersession(a, lookup)).toEqual({ superseded: true, by: 'cccc0001' });
    expect(supersession({ id: 'cccc0001' }, lookup)).toBeUndefined();
    expect(withoutSuperseded([a, { id: 'cccc0001' }]).map((x) => x.id)).toEqual(['cccc0001']);
  });

  it('keeps a dangling supersededBy current and says why', () => {
    const s = supersession(a, lookupOf([a]));
    expect(s).toEqual({ superseded: false, problem: "supersededBy 'cccc0001': no annotation 'cccc0001' in the workspace, so this version is still shown as current" });
    expect(withoutSuperseded([a]).map((x) => x.id)).toEqual(['aaaa0001']);
    expect(reviewReason({ ...note('aaaa0001'), supersededBy: 'cccc0001' }, 'a.txt', 'anchored', () => true, s)).toMatch(/^supersededBy 'cccc0001': no annotation/);
  });

  it('follows a chain to the current version, and hides nothing in a ring', () => {
    const chain = [a, { id: 'cccc0001', supersededBy: 'dddd0001' }, { id: 'dddd0001' }];
    expect(withoutSuperseded(chain).map((x) => x.id)).toEqual(['dddd0001']);
    const ring = [a, { id: 'cccc0001', supersededBy: 'aaaa0001' }];
    expect(withoutSuperseded(ring).map((x) => x.id)).toEqual(['aaaa0001', 'cccc0001']);
    expect(supersession(a, lookupOf(ring))).toMatchObject({ superseded: false, problem: expect.stringMatching(/leads back to 'aaaa0001'/) });
    expect(isSuperseded({ id: 'self0001', supersededBy: 'self0001' }, lookupOf([{ id: 'self0001' }]))).toBe(false);
  });
});

function note(id: string): Annotation {
  return { id, kind: 'note', anchor: { exact: 'x', prefix: '', suffix: '', start: 0, end: 1 }, author: 'A', ...stamp };
}

/** Two annotators' claims and stances on the same words; the stances adjudicated (A's accepted, both superseded). */
function adjudicatedWorkspace(mode: 'supersede' | 'keep' = 'supersede', adjust?: (all: Annotation[]) => Annotation[]): string {
  const root = tempRepo(['001_79ead2d7149b2ec1.txt']);
  const text = normalizeText(readFileSync(join(root, DOC), 'utf8'));
  const anchor = createAnchor(text, 100, 140);
  const claim = (id: string, author: string): Annotation => ({ id, kind: 'claim', anchor: createAnchor(text, 200, 240), label: 'x', speaker: 'author', claimType: 'factual', author, ...stamp });
  const stance = (id: string, author: string, polarity: 'support' | 'oppose'): Annotation => ({ id, kind: 'stance', anchor, holder: 'author', target: 'topic:housing', polarity, author, ...stamp });
  const versions = [stance('stance-a', 'A', 'support'), stance('stance-b', 'B', 'oppose')];
  const result = adjudicate(versions[0], versions, { curator: 'Curator', mode, now: new Date('2026-11-23T10:00:00Z'), takenIds: new Set() });
  const all = [claim('claim-a', 'A'), claim('claim-b', 'B'), result.curated, ...result.others];
  const file = join(root, 'annotations', `${DOC}.yaml`);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, writeSidecar({ schemaVersion: 1, document: DOC, fingerprint: fingerprint(readFileSync(join(root, DOC))), annotations: adjust ? adjust(all) : all }));
  return root;
}

async function stanceCounts(root: string): Promise<{ stances: number; cells: Array<[string, number]> }> {
  const result = await cli(root, 'map', '--format', 'json');
  expect(result.code, result.err).toBe(0);
  const map = JSON.parse(result.out) as StanceMap;
  return { stances: map.totals.stances, cells: map.rows.flatMap((r) => r.cells.map((c) => [c.polarity, c.stances.length] as [string, number])) };
}

describe('superseded versions in the stance map and exports', () => {
  it('policy-annotator map counts a settled stance once, as the curated version says', async () => {
    expect(await stanceCounts(adjudicatedWorkspace())).toEqual({ stances: 1, cells: [['support', 1]] });
    // Kept (adjudication.others: keep), the annotators' versions are still current: three stances, mixed.
    expect(await stanceCounts(adjudicatedWorkspace('keep'))).toEqual({ stances: 3, cells: [['mixed', 3]] });
  });

  it('foreign formats leave superseded versions out and say how many; --include-superseded and yaml keep them', async () => {
    const root = adjudicatedWorkspace();
    const csv = await cli(root, 'export', '--format', 'csv', '--out', 'out.csv');
    expect(csv.code, csv.err).toBe(0);
    expect(csv.out).toBe('exported 3 annotations from 1 document as csv to out.csv; 2 superseded annotations left out (the curated versions are exported; --include-superseded keeps them)\n');
    const rows = readFileSync(join(root, 'out.csv'), 'utf8').trim().split('\n');
    expect(rows).toHaveLength(4);
    expect(rows.some((r) => r.includes('stance-a') || r.includes('stance-b'))).toBe(false);
    const w3c = await cli(root, 'export', '--format', 'w3c', '--out', '-', '--json');
    expect(JSON.parse(w3c.err).superseded).toEqual([`${DOC}#stance-a`, `${DOC}#stance-b`]);
    expect(JSON.parse(w3c.out).total).toBe(3);
    const all = await cli(root, 'export', '--format', 'csv', '--out', 'all.csv', '--include-superseded');
    expect(all.out).toBe('exported 5 annotations from 1 document as csv to all.csv\n');
    const yaml = await cli(root, 'export', '--format', 'yaml', '--out', 'out.yaml');
    expect(yaml.out).toBe('exported 5 annotations from 1 document as yaml to out.yaml\n');
    expect(readFileSync(join(root, 'out.yaml'), 'utf8')).toContain('supersededBy:');
  });

  it('a supersededBy that names nothing hides nothing: exported, mapped, and reported by validate with file and line', async () => {
    const root = adjudicatedWorkspace('supersede', (all) => all.map((a) => (a.id === 'stance-b' ? { ...a, supersededBy: 'gone0001' } : a)));
    const validate = await cli(root, 'validate');
    expect(validate.code).toBe(1);
    const line = readFileSync(join(root, 'annotations', `${DOC}.yaml`), 'utf8').split('\n').findIndex((l) => l.includes('supersededBy: gone0001')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(validate.out + validate.err).toContain(`annotations/${DOC}.yaml:${line}:`);
    expect(validate.out + validate.err).toMatch(/supersededBy 'gone0001': no annotation 'gone0001' in the workspace/);
    expect(await stanceCounts(root)).toEqual({ stances: 2, cells: [['mixed', 2]] });
    const csv = await cli(root, 'export', '--format', 'csv', '--out', 'out.csv');
    expect(csv.out).toBe('exported 4 annotations from 1 document as csv to out.csv; 1 superseded annotation left out (the curated versions are exported; --include-superseded keeps them)\n');
    // The editor's Problems view locates it the same way.
    const sidecarText = readFileSync(join(root, 'annotations', `${DOC}.yaml`), 'utf8');
    expect(locateReferenceProblems('x.yaml', sidecarText, [{ id: 'stance-b', field: 'supersededBy', message: 'why' }])).toMatchObject([{ file: 'x.yaml', line, severity: 'error', message: 'why' }]);
  });
});
