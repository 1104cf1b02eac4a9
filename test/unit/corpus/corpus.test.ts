// The reference corpus (annotations/seeds/*.txt.yaml), loaded through the product's own code: the
// demo `npm start` shows, the fixture the UI tests use, and the proof that the model fits real texts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { fingerprint } from '../../../src/core/anchoring';
import { loadCatalogue } from '../../../src/core/entities/index';
import { Annotation, AUTHOR, Link, parseAnnotationRef, Sidecar, Stance, TOPIC_PREFIX } from '../../../src/core/model';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { writeSidecar } from '../../../src/core/store/writeSidecar';

const ROOT = resolve(__dirname, '../../..');
const SEED_NAMES = readdirSync(join(ROOT, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort();
const DOCUMENTS = SEED_NAMES.map((name) => `seeds/${name}`);

/** The recurring topics; stances use exactly these strings so that they group across documents. */
const TOPICS = [
  'following mainland industrial trends',
  'integration with the mainland and the Greater Bay Area',
  'government-led versus market-led I&T',
  'smart-city and data partnership with the mainland',
  'talent attraction',
  'reindustrialisation',
  'common law system as an advantage',
].map((t) => TOPIC_PREFIX + t);

interface Loaded {
  document: string;
  file: string;
  text: string;
  sidecar: Sidecar;
}

const corpus: Loaded[] = DOCUMENTS.map((document) => {
  const file = `annotations/${document}.yaml`;
  const text = readFileSync(join(ROOT, file), 'utf8');
  const read = readSidecar(text, file);
  if (!read.sidecar) throw new Error(`${file} could not be read: ${JSON.stringify(read.problems)}`);
  return { document, file, text, sidecar: read.sidecar };
});

const all = corpus.flatMap((c) => c.sidecar.annotations.map((annotation) => ({ document: c.document, annotation })));
const byRef = new Map(all.map((e) => [`${e.document}#${e.annotation.id}`, e]));
/** Links between two annotations with no words of their own (issue 16). */
const anchorless = corpus.flatMap((c) => (c.sidecar.links ?? []).map((link) => ({ document: c.document, link })));
const catalogue = loadCatalogue([{ file: 'annotations/entities.yaml', text: readFileSync(join(ROOT, 'annotations/entities.yaml'), 'utf8') }]);
const entityIds = new Set(catalogue.catalogue.entities.map((e) => e.id));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { cwd: ROOT, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** The annotation a `path#id` / `#id` reference names, seen from `document`; undefined for entities and topics. */
function resolveRef(ref: string, document: string) {
  const parsed = parseAnnotationRef(ref);
  return parsed && byRef.get(`${parsed.document ?? document}#${parsed.id}`);
}

const ofKind = <K extends Annotation['kind']>(c: Loaded, kind: K) => c.sidecar.annotations.filter((a): a is Extract<Annotation, { kind: K }> => a.kind === kind);

describe('reference corpus', () => {
  it('has one sidecar per seed, for the seed as it is now', () => {
    expect(corpus.map((c) => c.sidecar.document)).toEqual(DOCUMENTS);
    for (const c of corpus) {
      const bytes = readFileSync(join(ROOT, c.document));
      expect(c.sidecar.fingerprint, `${c.file}: the seed changed; run 'policy-annotator status --write'`).toBe(fingerprint(bytes));
    }
  });

  it('validates with no errors and no warnings', async () => {
    const result = await cli('validate', '--json');
    const report = JSON.parse(result.out);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ errors: 0, warnings: 0, annotations: all.length + anchorless.length });
    expect(report.files).toEqual(corpus.map((c) => c.file));
    expect(result.code).toBe(0);
  });

  it('anchors every annotation exactly on its words', async () => {
    const result = await cli('status', '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as { documents: Array<{ document: string; annotations: Array<{ id: string; status: string }> }>; totals: Record<string, number> };
    expect(report.totals).toEqual({ anchored: all.length, moved: 0, fuzzy: 0, ambiguous: 0, orphaned: 0 });
    for (const doc of report.documents) {
      const c = corpus.find((x) => x.document === doc.document)!;
      expect(doc.annotations.map((a) => a.id).sort()).toEqual(c.sidecar.annotations.map((a) => a.id).sort());
    }
  });

  it('is in canonical form: byte-identical to what writeSidecar renders from it', () => {
    for (const c of corpus) expect(writeSidecar(c.sidecar), c.file).toBe(c.text);
  });

  it('gives every seed claims, stances, notes and cross-references of its own', () => {
    for (const c of corpus) {
      expect(ofKind(c, 'claim').length, `${c.document} claims`).toBeGreaterThanOrEqual(10);
      expect(ofKind(c, 'stance').length, `${c.document} stances`).toBeGreaterThanOrEqual(3);
      expect(ofKind(c, 'note').length, `${c.document} notes`).toBeGreaterThanOrEqual(1);
      expect(ofKind(c, 'link').filter((l) => resolveRef(l.to, c.document)?.document !== c.document).length, `${c.document} cross-references`).toBeGreaterThanOrEqual(1);
    }
  });

  it('names every speaker, holder and entity from the catalogue, or the author', () => {
    expect(catalogue.ok).toBe(true);
    const bad: string[] = [];
    const party = (c: Loaded, a: Annotation, field: string, value: string) => {
      if (value !== AUTHOR && !entityIds.has(value)) bad.push(`${c.document}#${a.id} ${field}: ${value}`);
    };
    const anyRef = (c: Loaded, a: Annotation, field: string, value: string) => {
      if (value.startsWith(TOPIC_PREFIX)) {
        if (!TOPICS.includes(value)) bad.push(`${c.document}#${a.id} ${field}: unknown topic '${value}'`);
      } else if (parseAnnotationRef(value)) {
        if (!resolveRef(value, c.document)) bad.push(`${c.document}#${a.id} ${field}: unresolved ${value}`);
      } else if (!entityIds.has(value)) bad.push(`${c.document}#${a.id} ${field}: ${value} is not a catalogue id`);
    };
    for (const c of corpus) {
      for (const a of c.sidecar.annotations) {
        if (a.kind === 'claim') party(c, a, 'speaker', a.speaker);
        if (a.kind === 'stance') {
          party(c, a, 'holder', a.holder);
          anyRef(c, a, 'target', a.target);
        }
        if (a.kind === 'link') {
          anyRef(c, a, 'from', a.from);
          anyRef(c, a, 'to', a.to);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('links from an annotation on the same words to an annotation in another seed', () => {
    const bad: string[] = [];
    for (const c of corpus) {
      for (const link of ofKind(c, 'link')) {
        const from = resolveRef(link.from, c.document);
        const to = resolveRef(link.to, c.document);
        const where = `${c.document}#${link.id}`;
        if (!from || from.document !== c.document) bad.push(`${where}: 'from' ${link.from} is not an annotation of this seed`);
        else if (link.anchor.start < from.annotation.anchor.start || link.anchor.end > from.annotation.anchor.end) bad.push(`${where}: anchored outside its 'from' annotation`);
        if (!to || to.document === c.document) bad.push(`${where}: 'to' ${link.to} is not an annotation in another seed`);
        else if (to.annotation.kind === 'link' || to.annotation.kind === 'note') bad.push(`${where}: points at a ${to.annotation.kind}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has an anchorless link between two claims of different seeds, which saves unchanged', () => {
    expect(anchorless.map(({ document, link }) => [document, link.id])).toEqual([['seeds/004_37cb7f1bcf4e8cbd.txt', 's7nq2kd4']]);
    for (const { document, link } of anchorless) {
      const [from, to] = [resolveRef(link.from, document), resolveRef(link.to, document)];
      expect([from?.annotation.kind, from?.document, to?.annotation.kind, to?.document !== document]).toEqual(['claim', document, 'claim', true]);
    }
    for (const c of corpus.filter((x) => x.sidecar.links)) expect(writeSidecar(c.sidecar, c.text)).toBe(c.text);
  });

  it('keeps links between stances consistent with their polarities', () => {
    const bad: string[] = [];
    for (const c of corpus) {
      for (const link of ofKind(c, 'link')) {
        const from = resolveRef(link.from, c.document)?.annotation;
        const to = resolveRef(link.to, c.document)?.annotation;
        if (from?.kind !== 'stance' || to?.kind !== 'stance') continue;
        const opposite = [from.polarity, to.polarity].sort().join() === 'oppose,support';
        if (link.relation === 'contradicts' && !opposite) bad.push(`${c.document}#${link.id}: contradicts, but ${from.polarity} vs ${to.polarity}`);
        if (link.relation === 'supports' && from.polarity !== to.polarity) bad.push(`${c.document}#${link.id}: supports, but ${from.polarity} vs ${to.polarity}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('shows the seeds disagreeing: support and opposition from different seeds on at least three topics', () => {
    const stances = corpus.flatMap((c) => ofKind(c, 'stance').map((s: Stance) => ({ document: c.document, stance: s })));
    const contested = TOPICS.filter((topic) => {
      const on = stances.filter((s) => s.stance.target === topic);
      const supporters = new Set(on.filter((s) => s.stance.polarity === 'support').map((s) => s.document));
      const opponents = new Set(on.filter((s) => s.stance.polarity === 'oppose').map((s) => s.document));
      return [...supporters].some((d) => [...opponents].some((o) => o !== d));
    });
    expect(contested.length, `contested topics: ${contested.join('; ')}`).toBeGreaterThanOrEqual(3);
    // The recurring topics are used, and across seeds, not in one document only.
    for (const topic of TOPICS) {
      const documents = new Set(stances.filter((s) => s.stance.target === topic).map((s) => s.document));
      expect(documents.size, topic).toBeGreaterThanOrEqual(2);
    }
  });

  it('records cross-document disagreements as contradicts links between at least three pairs of seeds', () => {
    const contradictions = corpus.flatMap((c) => ofKind(c, 'link').filter((l: Link) => l.relation === 'contradicts').map((l) => [c.document, resolveRef(l.to, c.document)!.document]));
    const pairs = new Set(contradictions.map((p) => [...p].sort().join(' ')));
    expect(pairs.size).toBeGreaterThanOrEqual(3);
  });

  it('gives every claim a paraphrase, not the quote', () => {
    for (const { document, annotation: a } of all) {
      if (a.kind !== 'claim') continue;
      expect(a.label.trim(), `${document}#${a.id}`).not.toBe('');
      expect(a.label, `${document}#${a.id}`).not.toBe(a.anchor.exact);
      expect(a.label.length, `${document}#${a.id}: ${a.label}`).toBeLessThanOrEqual(140);
    }
  });
});
