import { describe, expect, it } from 'vitest';
import { absoluteRef, exportBrat, ExportCorpus } from '../../../src/core/export';
import { parseBrat } from '../../../src/core/import/bratImport';
import { readBratLine } from '../../../src/core/import/bratLines';
import { placeDrafts } from '../../../src/core/import/placeDrafts';
import { AnchorlessLink, Annotation } from '../../../src/core/model';
import { fixtureCorpus } from './fixtureCorpus';
import { referenceCorpus } from './referenceCorpus';

// brat export, then brat import of what it wrote: every field brat can hold comes back the same.
// brat cannot hold a link to another document or to an entity (its relations join two spans of one
// text), a link's own span (a relation has none: it takes its first argument's), a claim's label,
// authors, dates and review entries, so those are left out of the comparison and `lost` lists the links.

/** An annotation by what brat keeps; references by what they point at, not by id (ids are new). */
function signatures(annotations: Annotation[], document: string, keep: (a: Annotation) => boolean): string[] {
  const byRef = new Map(annotations.map((a) => [`${document}#${a.id}`, a]));
  const name = (ref: string): string => {
    const a = byRef.get(absoluteRef(ref, document));
    if (!a) return ref;
    return a.kind === 'link' ? `link(${name(a.from)} ${a.relation} ${name(a.to)})` : `${a.kind}@${a.anchor.start}-${a.anchor.end}`;
  };
  return annotations
    .filter(keep)
    .map((a) => {
      const { id: _i, author: _a, created: _c, modified: _m, ...rest } = a as Annotation & { label?: string };
      const r = rest as Record<string, unknown>;
      delete r.label;
      delete r.review;
      if (a.kind === 'link') {
        r.anchor = undefined;
        r.from = name(a.from);
        r.to = name(a.to);
      }
      if (a.kind === 'stance') r.target = name(a.target);
      return JSON.stringify(r, Object.keys({ ...r, ...(r.anchor as object) }).sort());
    })
    .sort();
}

function roundTrip(corpus: ExportCorpus) {
  const out = exportBrat(corpus);
  let differences = 0;
  let compared = 0;
  let anchorlessBack = 0;
  const failures: string[] = [];
  for (const doc of corpus.documents) {
    const ann = out.files.get(doc.path.replace(/\.txt$/, '.ann'))!;
    expect(out.files.get(doc.path)).toBe(doc.text);
    const parsed = parseBrat(ann, doc.path, { document: doc.path });
    let n = 0;
    const placed = placeDrafts(parsed.drafts, { texts: new Map([[doc.path, doc.text]]), takenIds: new Set(), defaultAuthor: 'x', now: '2026-12-01T00:00:00Z', newId: () => `r${++n}` });
    failures.push(...[...parsed.failures, ...placed.failures, ...parsed.warnings, ...placed.warnings].map((f) => `${f.origin}: ${f.reason}`));
    const lostRefs = new Set(out.lost.map((l) => l.split(':')[0]));
    // Links with no words of their own are compared as the others (a relation has no span either way).
    const entries = (list: Array<Annotation | AnchorlessLink>) => list as Annotation[];
    const before = signatures(entries([...doc.sidecar.annotations, ...(doc.sidecar.links ?? [])]), doc.path, (a) => !lostRefs.has(`${doc.path}#${a.id}`));
    const after = signatures(entries([...(placed.annotations.get(doc.path) ?? []), ...(placed.links.get(doc.path) ?? [])]), doc.path, () => true);
    anchorlessBack += placed.links.get(doc.path)?.length ?? 0;
    differences += before.filter((s) => !after.includes(s)).length + after.filter((s) => !before.includes(s)).length;
    compared += before.length;
  }
  return { out, differences, compared, failures, anchorlessBack };
}

describe('brat export and round trip', () => {
  it('the reference corpus: one .ann and .txt per document and an annotation.conf; 0 differences back', () => {
    const { out, differences, compared, failures } = roundTrip(referenceCorpus());
    expect(failures).toEqual([]);
    expect(differences).toBe(0);
    // Every cross-document link and link to an entity is listed as lost; everything else compared.
    expect(compared + out.lost.length).toBe(241);
    expect(out.lost.every((l) => /brat relations join two spans of one document/.test(l))).toBe(true);
    expect(out.files.size).toBe(5 * 2 + 1);
  });

  it('the export fixture (text outside the BMP, CRLF, an orphan, notes with line breaks): 0 differences back', () => {
    const { out, differences, failures } = roundTrip(fixtureCorpus());
    expect(failures).toEqual([]);
    expect(differences).toBe(0);
    expect(out.lost.some((l) => l.includes('its words are not at its place'))).toBe(true);
  });

  it('a link between two annotations of one document with no words of its own: an R line between their T ids, back as such', () => {
    const corpus = fixtureCorpus();
    const doc = corpus.documents[0];
    const [a, b] = doc.sidecar.annotations.filter((x) => x.kind === 'claim' && x.anchor.end <= doc.text.length);
    doc.sidecar.links = [{ id: 'anch0001', kind: 'link', from: `#${a.id}`, to: `#${b.id}`, relation: 'elaborates', tags: ['x'], note: 'Two lines\nof note', author: 'T', created: '2026-11-22T10:00:00Z', modified: '2026-11-22T10:00:00Z' }];
    const { out, differences, failures, anchorlessBack } = roundTrip(corpus);
    expect(failures).toEqual([]);
    expect(differences).toBe(0);
    const ann = out.files.get(doc.path.replace(/\.txt$/, '.ann'))!;
    const tOf = (quote: string) => ann.split('\n').find((l) => /^T\d+\t/.test(l) && l.endsWith(`\t${quote.replace(/\n/g, ' ')}`))!.split('\t')[0];
    expect(ann).toContain(`\telaborates Arg1:${tOf(a.anchor.exact)} Arg2:${tOf(b.anchor.exact)}\n`);
    expect(out.lost.some((l) => l.includes('anch0001'))).toBe(false);
    expect(anchorlessBack).toBeGreaterThan(0);
  });

  it('every line is valid standoff and every type and attribute used is declared in annotation.conf', () => {
    const { files } = exportBrat(referenceCorpus());
    const conf = files.get('annotation.conf')!;
    const section = (name: string) => conf.split(`[${name}]\n`)[1].split('\n[')[0].split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0]);
    const [entities, relations, attributes] = [section('entities'), section('relations'), section('attributes')];
    for (const [path, content] of files) {
      if (!path.endsWith('.ann')) continue;
      for (const line of content.trimEnd().split('\n')) {
        const rec = readBratLine(line);
        if (typeof rec === 'string') throw new Error(`${path}: ${rec}`);
        if (rec.kind === 'T') expect(entities).toContain(rec.type);
        if (rec.kind === 'R') expect(relations).toContain(rec.type);
        if (rec.kind === 'A') expect(attributes).toContain(rec.name);
      }
    }
    expect(conf).toContain('claimType\tArg:Claim, Value:factual|causal|predictive|normative|proposal');
  });
});
