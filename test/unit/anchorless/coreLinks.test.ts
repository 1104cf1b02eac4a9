// Anchorless links through merge, validation, status, the editor's document model and undo.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeSidecarTexts } from '../../../src/core/gitIntegration/mergeSidecars';
import { AnchorlessLink, Sidecar } from '../../../src/core/model';
import { undoChange } from '../../../src/core/safety/undoChange';
import { annotationStatus, validateSidecars } from '../../../src/core/services';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { DocumentAnnotations } from '../../../src/core/workspace/documentAnnotations';
import { annotate, commitAll, tempRepo } from '../cli/tempRepo';

const DOC = 'seeds/000_d3c97eb98561e2fd.txt';
const OTHER = 'seeds/003_892e88a64976a510.txt';
const SIDECAR = `annotations/${DOC}.yaml`;
const golden = readFileSync(join(__dirname, '..', 'store', 'golden', 'anchorless.yaml'), 'utf8');
const stamp = { author: 'Test', created: '2026-11-22T10:00:00Z', modified: '2026-11-22T10:00:00Z' };
const link = (id: string, from: string, to: string): AnchorlessLink => ({ id, kind: 'link', from, to, relation: 'supports', ...stamp });

function withLinks(root: string, links: AnchorlessLink[]): void {
  const text = readFileSync(join(root, SIDECAR), 'utf8');
  const sidecar = readSidecar(text, SIDECAR).sidecar!;
  writeFileSync(join(root, SIDECAR), writeSidecar({ ...sidecar, links }, text));
}

function setup(): string {
  const root = tempRepo(['000_d3c97eb98561e2fd.txt', '003_892e88a64976a510.txt']);
  annotate(root, DOC, { aaaa0001: 'Northern Metropolis and Cyberport', aaaa0002: 'Central Urban Work Conference' });
  annotate(root, OTHER, { bbbb0001: 'smart cities' });
  withLinks(root, [link('llll0001', '#aaaa0001', `${OTHER}#bbbb0001`)]);
  commitAll(root);
  return root;
}

describe('anchorless links: merge driver', () => {
  it('keeps a link added on each side and applies a deletion', () => {
    const sidecar = readSidecar(golden, 'a.yaml').sidecar!;
    const ours = writeSidecar({ ...sidecar, links: [...sidecar.links!, link('aaaa1111', '#p7w2n4zt', '#k3m9x2qa')] }, golden);
    const theirs = writeSidecar({ ...sidecar, links: [link('bbbb2222', '#k3m9x2qa', '#p7w2n4zt')] }, golden);
    const result = mergeSidecarTexts({ base: golden, ours, theirs, path: SIDECAR });
    expect(result.status).toBe('clean');
    const merged = readSidecar((result as { text: string }).text, 'm.yaml').sidecar!;
    expect(merged.links!.map((l) => l.id)).toEqual(['aaaa1111', 'bbbb2222']);
    expect(merged.annotations).toHaveLength(2);
  });

  it('a link changed differently on both sides is kept (ours) and marked for review', () => {
    const sidecar = readSidecar(golden, 'a.yaml').sidecar!;
    const side = (relation: 'contradicts' | 'cites') => writeSidecar({ ...sidecar, links: [{ ...sidecar.links![0], relation }] }, golden);
    const result = mergeSidecarTexts({ base: golden, ours: side('contradicts'), theirs: side('cites'), path: SIDECAR });
    expect(result).toMatchObject({ status: 'conflict', conflicts: ['m4n6b8v2'] });
    const merged = readSidecar((result as { text: string }).text, 'm.yaml').sidecar!;
    expect(merged.links![0]).toMatchObject({ relation: 'contradicts', review: { status: 'conflict' } });
  });
});

describe('anchorless links: validation and status', () => {
  it('a clean link validates; an end whose annotation was deleted is an error at that line, and the link is kept', async () => {
    const root = setup();
    expect((await validateSidecars({ root, annotationsFolder: 'annotations' })).problems).toEqual([]);
    const text = readFileSync(join(root, `annotations/${OTHER}.yaml`), 'utf8');
    const other = readSidecar(text, 'o.yaml').sidecar!;
    writeFileSync(join(root, `annotations/${OTHER}.yaml`), writeSidecar({ ...other, annotations: [] }, text));
    const result = await validateSidecars({ root, annotationsFolder: 'annotations' });
    const line = readFileSync(join(root, SIDECAR), 'utf8').split('\n').findIndex((l) => l.startsWith('    to: ')) + 1;
    expect(result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([`${SIDECAR}:${line}: anchorless link '${OTHER}#bbbb0001': no annotation 'bbbb0001' in ${OTHER}`]);
    expect(result.annotations).toBe(3);

    const status = await annotationStatus({ root, annotationsFolder: 'annotations', write: true });
    const doc = status.documents.find((d) => d.document === DOC)!;
    expect(doc.links).toEqual([{ id: 'llll0001', from: '#aaaa0001', to: `${OTHER}#bbbb0001`, relation: 'supports', broken: `'${OTHER}#bbbb0001': no annotation 'bbbb0001' in ${OTHER}` }]);
    expect(status.documents.find((d) => d.document === OTHER)).not.toHaveProperty('links');
    expect(readSidecar(readFileSync(join(root, SIDECAR), 'utf8'), SIDECAR).sidecar!.links).toHaveLength(1);
  });
});

describe('anchorless links in the open document', () => {
  const loaded = (sidecar: Sidecar) => ({ documentPath: DOC, file: 'x', name: 'x', text: undefined, read: { sidecar, problems: [], writable: true } });

  it('are saved with the annotations, and undo takes back adding, changing and deleting one', () => {
    const sidecar = readSidecar(golden, 'a.yaml').sidecar!;
    const text = 'x'.repeat(2000);
    const model = new DocumentAnnotations(DOC, loaded(sidecar));
    model.reset({ ...sidecar, annotations: [] }, []);
    const fp = sidecar.fingerprint;
    expect(model.toSidecar(text, fp).links).toEqual(sidecar.links);
    const step = (mutate: () => void) => {
      const record = { before: model.snapshot(), linksBefore: [...model.links()], after: [] as ReturnType<typeof model.snapshot>, linksAfter: [] as AnchorlessLink[] };
      mutate();
      record.after = model.snapshot();
      record.linksAfter = [...model.links()];
      return record;
    };
    const added = step(() => model.putLink(link('q2w3e4r5', '#p7w2n4zt', '#k3m9x2qa')));
    expect(model.ids()).toContain('q2w3e4r5');
    expect(undoChange(model, added, text)).toEqual(['q2w3e4r5']);
    expect(model.links().map((l) => l.id)).toEqual(['m4n6b8v2']);
    const changed = step(() => model.putLink({ ...model.getLink('m4n6b8v2')!, relation: 'contradicts' }));
    undoChange(model, changed, text);
    expect(model.getLink('m4n6b8v2')!.relation).toBe('supports');
    const removed = step(() => model.removeLink('m4n6b8v2'));
    expect(model.toSidecar(text, fp)).not.toHaveProperty('links');
    undoChange(model, removed, text);
    expect(model.toSidecar(text, fp).links).toEqual(sidecar.links);
  });
});

describe('anchorless links in reviews', () => {
  it('the semantic diff and git textconv show an added, changed and removed link without a quote', async () => {
    const { diffSidecars, renderDiffText } = await import('../../../src/core/diff');
    const { renderSidecarForReview } = await import('../../../src/core/gitIntegration/textconv');
    const before = readSidecar(golden, 'a.yaml').sidecar!;
    const added = { ...before, links: [...before.links!, link('q2w3e4r5', '#p7w2n4zt', '#k3m9x2qa')] };
    const diff = diffSidecars(before, added);
    expect(diff.added).toEqual([{ id: 'q2w3e4r5', kind: 'link', exact: '', anchorless: true, fields: expect.arrayContaining([{ field: 'relation', value: 'supports' }]) }]);
    const changed = diffSidecars(before, { ...before, links: [{ ...before.links![0], relation: 'contradicts' }] });
    expect(changed.changed).toEqual([{ id: 'm4n6b8v2', kind: 'link', exact: '', anchorless: true, changes: [{ field: 'relation', before: 'supports', after: 'contradicts' }] }]);
    expect(diffSidecars(before, { ...before, links: [] }).removed.map((r) => r.id)).toEqual(['m4n6b8v2']);
    const text = renderDiffText({ before: 'a', after: 'b', documents: [diff], totals: { documents: 1, added: 1, removed: 0, changed: 0 } });
    expect(text).toContain('+ link q2w3e4r5 (a link with no words of its own)');
    expect(text).not.toMatch(/q2w3e4r5[^\n]*\n\s+at:/);

    const review = renderSidecarForReview(golden, 'a.yaml');
    expect(review).toContain('2 annotations\n1 link with no words of its own\n');
    expect(review).toMatch(/\nlink m4n6b8v2\n {2}\(a link with no words of its own\)\n {2}from: #k3m9x2qa\n/);
    const old = readFileSync(join(__dirname, '..', 'store', 'golden', 'basic.yaml'), 'utf8');
    expect(renderSidecarForReview(old, 'b.yaml')).not.toContain('no words of');
  });
});

describe('anchorless links in the workspace index', () => {
  it('the summary carries them; the reference index finds them from both ends', async () => {
    const { summarise, linkFromSummary } = await import('../../../src/core/workspace/summaries');
    const { ReferenceIndex } = await import('../../../src/core/workspace/referenceIndex');
    const entry = summarise('annotations/seeds/000.txt.yaml', 'seeds/000.txt', golden, { size: golden.length, mtimeMs: 1 });
    expect(entry.summary.annotations.map((a) => a.id)).toEqual(['p7w2n4zt', 'k3m9x2qa']);
    expect(entry.summary.links).toEqual([expect.objectContaining({ id: 'm4n6b8v2', kind: 'link', from: '#k3m9x2qa', to: 'seeds/002_da90e588b2ada6c6.txt#h2j4k6m8', note: 'Both cite the same R&D figures.' })]);
    const sidecar = readSidecar(golden, 'a.yaml').sidecar!;
    expect(linkFromSummary(entry.summary.links![0])).toEqual({ ...sidecar.links![0], created: sidecar.links![0].modified });
    const index = new ReferenceIndex();
    index.add(entry.summary);
    expect(index.incoming('seeds/000.txt', 'k3m9x2qa').map((r) => [r.annotation.id, r.field])).toEqual([['m4n6b8v2', 'from']]);
    expect(index.incoming('seeds/002_da90e588b2ada6c6.txt', 'h2j4k6m8').map((r) => [r.annotation.id, r.field])).toEqual([['m4n6b8v2', 'to']]);
    index.remove(entry.summary);
    expect(index.incoming('seeds/002_da90e588b2ada6c6.txt', 'h2j4k6m8')).toEqual([]);
    const old = readFileSync(join(__dirname, '..', 'store', 'golden', 'basic.yaml'), 'utf8');
    expect(summarise('b.yaml', 'b.txt', old, { size: 1, mtimeMs: 1 }).summary).not.toHaveProperty('links');
  });
});
