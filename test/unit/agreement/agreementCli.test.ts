// `policy-annotator agreement` on sidecars that encode Krippendorff's (2011) worked examples: each unit
// is a passage, each observer an annotator who marks the passages they coded, with the value as a
// claim type (or a stance polarity for the binary example). The report must give the published α.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnchor, fingerprint, normalizeText } from '../../../src/core/anchoring';
import type { AgreementReport } from '../../../src/core/agreement';
import { Annotation, CLAIM_TYPES } from '../../../src/core/model';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { cli } from '../cli/runCliCapture';
import { commitAll, git, tempRepo } from '../cli/tempRepo';

const examples = JSON.parse(readFileSync(join(__dirname, '../../fixtures/agreement/published-examples.json'), 'utf8'));
const example = (letter: string) => examples.krippendorff.find((e: { name: string }) => e.name.startsWith(`Krippendorff 2011, ${letter}:`));
const DOC = 'seeds/001_79ead2d7149b2ec1.txt';
const stamp = { created: '2026-11-22T10:00:00Z', modified: '2026-11-22T10:00:00Z' };

/** Passages of the document, one per unit: consecutive non-overlapping 40-character stretches. */
function passages(n: number): Array<[number, number]> {
  return Array.from({ length: n }, (_, u) => [100 + u * 60, 140 + u * 60]);
}

/** The annotations observer `row` makes: one per unit they coded, the value turned into a field. */
function code(text: string, observer: string, row: (string | null)[], make: (value: string) => Partial<Annotation>, shift = 0): Annotation[] {
  return passages(row.length).flatMap(([s, e], u) => {
    if (row[u] === null) return [];
    const anchor = createAnchor(text, s + shift, e + shift);
    return [{ id: `${observer.toLowerCase()}${String(u).padStart(3, '0')}`, kind: 'claim', anchor, label: 'x', speaker: 'author', claimType: 'factual', author: observer, ...stamp, ...make(row[u]!) } as Annotation];
  });
}

function writeAnnotations(root: string, annotations: Annotation[], folder = 'annotations'): void {
  const bytes = readFileSync(join(root, DOC));
  const file = join(root, folder, `${DOC}.yaml`);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, writeSidecar({ schemaVersion: 1, document: DOC, fingerprint: fingerprint(bytes), annotations }));
}

const claimType = (v: string) => ({ claimType: CLAIM_TYPES[Number(v) - 1] ?? CLAIM_TYPES['abcde'.indexOf(v)] });
const alphaOf = (report: AgreementReport, kind: string, field: string) => report.fields.find((f) => f.kind === kind && f.field === field)!;

describe('policy-annotator agreement', () => {
  it("gives Krippendorff's α = 0.743 on his example C (four observers, missing data), authors in one workspace", async () => {
    const root = tempRepo(['001_79ead2d7149b2ec1.txt']);
    const text = normalizeText(readFileSync(join(root, DOC), 'utf8'));
    const c = example('C');
    // Observer B's spans are shifted by 4 characters: still the same units (IoU 0.82), one-to-one.
    const annotations = ['A', 'B', 'C', 'D'].flatMap((o, i) => code(text, o, c.data[i], claimType, o === 'B' ? 4 : 0));
    writeAnnotations(root, annotations);
    const result = await cli(root, 'agreement', '--format', 'json', '--field', 'claimType');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as AgreementReport;
    expect(report.annotators).toEqual(['A', 'B', 'C', 'D']);
    expect(report.units.byKind.claim).toBe(12);
    const field = alphaOf(report, 'claim', 'claimType');
    expect(field.alpha.alpha!.toFixed(3)).toBe('0.743');
    expect(field.alpha.units).toBe(11);
    expect(field.alpha.pairableValues).toBe(40);
    expect(field.fleiss.kappa).toBeUndefined();
    expect(field.fleiss.reason).toMatch(/different numbers/);
    // Unit 6 (values 1, 2, 3, 4) is a disagreement naming every annotator's value; unit 12 was marked by B alone.
    const six = report.disagreements.find((d) => d.members.some((m) => m.id === 'a005'))!;
    expect(six.fields[0].values).toEqual({ A: 'factual', B: 'causal', C: 'predictive', D: 'normative' });
    const twelve = report.disagreements.find((d) => d.members.some((m) => m.id === 'b011'))!;
    expect(twelve.missing).toEqual(['A', 'C', 'D']);
    const cohenAB = field.cohen.find((k) => k.a === 'A' && k.b === 'B')!;
    expect(cohenAB.units).toBe(9);
  });

  it('gives α = 0.095 on example A (binary, two observers) with one annotator per branch', async () => {
    const root = tempRepo(['001_79ead2d7149b2ec1.txt']);
    const text = normalizeText(readFileSync(join(root, DOC), 'utf8'));
    const a = example('A');
    const polarity = (v: string) => ({ kind: 'stance', holder: 'author', target: 'topic:housing', polarity: v === '1' ? 'support' : 'oppose', label: undefined, speaker: undefined, claimType: undefined }) as Partial<Annotation>;
    writeFileSync(join(root, 'README'), 'x');
    commitAll(root);
    git(root, 'branch', 'ann-1');
    git(root, 'branch', 'ann-2');
    for (const [i, branch] of ['ann-1', 'ann-2'].entries()) {
      git(root, 'checkout', '-q', branch);
      writeAnnotations(root, code(text, `Obs${i + 1}`, a.data[i], polarity));
      commitAll(root);
    }
    const result = await cli(root, 'agreement', '--json', '--kind', 'stance', 'ann-1', 'ann-2');
    expect(result.err).toBe('');
    const report = JSON.parse(result.out) as AgreementReport;
    expect(report.annotators).toEqual(['ann-1', 'ann-2']);
    const field = alphaOf(report, 'stance', 'polarity');
    expect(field.alpha.alpha!.toFixed(3)).toBe('0.095');
    expect(field.alpha.pairableValues).toBe(20);
    expect(field.fleiss.raters).toBe(2);
    // Spans are identical: unit agreement is perfect.
    expect(report.unitizing[0].pairs[0]).toMatchObject({ matched: 10, precision: 1, recall: 1, f1: 1 });
    expect(report.unitizing[0].characterAlpha.alpha).toBe(1);
    const confusion = field.confusion[0];
    expect(confusion.labels).toEqual(['oppose', 'support']);
    expect(confusion.counts).toEqual([[5, 3], [1, 1]]);
  });

  it('gives α = 0.692 on example B (nominal, two observers) with one annotator per folder, and prints text and Markdown', async () => {
    const root = tempRepo(['001_79ead2d7149b2ec1.txt']);
    const text = normalizeText(readFileSync(join(root, DOC), 'utf8'));
    const b = example('B');
    // Observer 2 marked one more passage that observer 1 did not: a unit without a partner.
    const extra = { ...code(text, 'Two', ['a'], claimType)[0], id: 'two-extra', anchor: createAnchor(text, 2000, 2050) };
    // 'one' is an annotations folder itself; 'two' a workspace folder with its annotations folder inside.
    writeAnnotations(root, code(text, 'One', b.data[0], claimType), 'one');
    writeAnnotations(root, [...code(text, 'Two', b.data[1], claimType), extra], 'two/annotations');
    const result = await cli(root, 'agreement', '--json', 'one', 'two');
    expect(result.err).toBe('');
    const report = JSON.parse(result.out) as AgreementReport;
    expect(report.annotators).toEqual(['one', 'two']);
    expect(alphaOf(report, 'claim', 'claimType').alpha.alpha!.toFixed(3)).toBe('0.692');
    expect(report.unitizing.find((u) => u.kind === 'claim')!.pairs[0]).toMatchObject({ aCount: 12, bCount: 13, matched: 12, recall: 1 });
    const text1 = await cli(root, 'agreement', 'one', 'two');
    expect(text1.out).toContain('claim claimType: α = 0.692 (12 units, 24 pairable values)');
    expect(text1.out).toMatch(/seeds\/001_79ead2d7149b2ec1\.txt:\d+:\d+ claim "/);
    expect(text1.out).toContain('not marked by one');
    const md = await cli(root, 'agreement', '--format', 'markdown', 'one', 'two');
    expect(md.out).toContain("| kind | field | Krippendorff's α |");
    expect(md.out).toMatch(/\[seeds\/001_79ead2d7149b2ec1\.txt\]\(seeds\/001_79ead2d7149b2ec1\.txt#L\d+\)/);
  });

  it('explains bad usage', async () => {
    const root = tempRepo(['001_79ead2d7149b2ec1.txt']);
    expect((await cli(root, 'agreement', '--kind', 'quote')).err).toMatch(/unknown kind 'quote'/);
    expect((await cli(root, 'agreement', '--format', 'csv')).code).toBe(2);
    expect((await cli(root, 'agreement')).err).toMatch(/needs two or more annotators; found 0/);
  });
});
