import { describe, expect, it } from 'vitest';
import { parseBrat } from '../../../src/core/import/bratImport';
import { placeDrafts } from '../../../src/core/import/placeDrafts';
import { fixtureCorpus } from '../export/fixtureCorpus';

const corpus = fixtureCorpus();
const A = 'seeds/000_hong_kong_tech.txt';
const text = corpus.documents[0].text;
/** brat offsets count code points, like Python. */
const cp = (quote: string) => {
  const start = [...text.slice(0, text.indexOf(quote))].length;
  return `${start} ${start + [...quote].length}\t${quote}`;
};

const ANN = [
  `T1\tClaim ${cp('must not copy the mainland 📈')}`,
  `T2\tCausal_claim ${cp('blindly pursuing hot industries')}`,
  `T3\tPremise ${cp('𨋢 (lift)')}`,
  `T4\tClaim ${cp('compete on price')}`,
  'R1\tSupports Arg1:T2 Arg2:T1',
  'R2\tRebuts Arg1:T3 Arg2:T1',
  'A1\tclaimType T1 normative',
  'A2\tConfidence T3 High',
  'A3\tNegation T2',
  'N1\tReference T2 entities:xi-jinping\tXi Jinping',
  'N2\tReference T3 Wikipedia:12345\tElevator',
  '#1\tAnnotatorNotes T3\tA Cantonese character.',
  'E1\tAttack:T1 Agent:T2',
  'T5\tClaim 10 20;30 40\tsplit span',
  'R3\tSame_as Arg1:T4 Arg2:T9',
  'garbage line',
  '',
].join('\n');

describe('brat import', () => {
  const parsed = parseBrat(ANN, 'doc.ann', { document: A, entityIds: new Set(['xi-jinping']) });
  let n = 0;
  const placed = placeDrafts(parsed.drafts, { texts: new Map([[A, text]]), takenIds: new Set(), defaultAuthor: 'Importer', now: '2026-12-01T00:00:00Z', newId: () => `b${String(++n).padStart(7, '0')}` });
  const all = placed.annotations.get(A)!;

  it('turns T lines into claims or notes with their spans, counting code points', () => {
    const summary = all.filter((a) => a.kind !== 'link').map((a) => {
      const r = a as unknown as Record<string, unknown>;
      return [a.id, a.kind, a.anchor.exact, r.claimType, r.speaker, a.tags, a.note];
    });
    expect(summary).toEqual([
      ['b0000001', 'claim', 'must not copy the mainland 📈', 'normative', 'author', undefined, undefined],
      ['b0000002', 'claim', 'blindly pursuing hot industries', 'causal', 'xi-jinping', ['Negation'], undefined],
      ['b0000003', 'note', '𨋢 (lift)', undefined, undefined, ['Premise', 'Confidence:High'], 'Wikipedia:12345 (Elevator)\n\nA Cantonese character.'],
      ['b0000004', 'claim', 'compete on price', 'factual', 'author', undefined, undefined],
    ]);
    expect(text.slice(all[0].anchor.start, all[0].anchor.end)).toBe('must not copy the mainland 📈');
  });

  it('turns R lines into links between the imported annotations, made at the first argument', () => {
    const links = all.filter((a) => a.kind === 'link');
    expect(links.map((l) => [l.kind === 'link' && l.from, l.kind === 'link' && l.to, l.kind === 'link' && l.relation, l.anchor.exact])).toEqual([['#b0000002', '#b0000001', 'supports', 'blindly pursuing hot industries']]);
  });

  it('lists what it did not import, with file:line and the reason, and warns about defaults', () => {
    expect([...parsed.failures, ...placed.failures]).toEqual([
      { origin: 'doc.ann:6', reason: 'relation type \'Rebuts\' is not one of: supports, contradicts, elaborates, same-as, cites, responds-to' },
      { origin: 'doc.ann:13', reason: "'E1': events are not supported" },
      { origin: 'doc.ann:14', reason: "'T5' has a discontinuous span (10 20;30 40): not supported, split it into one annotation per part" },
      { origin: 'doc.ann:16', reason: "not a brat standoff line (it starts with 'garbage line')" },
      { origin: 'doc.ann:15', reason: "its to end: 'T9' is not an annotation of this file" },
    ]);
    expect(parsed.warnings).toEqual([{ origin: 'doc.ann:4', reason: "claim 'T4' has no claim type (no claimType attribute, type not e.g. Causal): imported as factual" }]);
  });

  it('reports a span whose text is not there', () => {
    const bad = parseBrat('T1\tNote 0 5\tnowhere to be found', 'x.ann', { document: A });
    const result = placeDrafts(bad.drafts, { texts: new Map([[A, text]]), takenIds: new Set(), defaultAuthor: 'x', now: '2026-12-01T00:00:00Z' });
    expect(result.failures).toEqual([{ origin: 'x.ann:1', reason: `"nowhere to be found" in ${A} was not found` }]);
  });
});
