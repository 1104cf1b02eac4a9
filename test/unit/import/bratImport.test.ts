import { describe, expect, it } from 'vitest';
import { Annotation, Link } from '../../../src/core/model';
import { orderIssues } from '../../../src/core/import/issues';
import { parseBrat } from '../../../src/core/import/bratImport';
import { placeDrafts } from '../../../src/core/import/placeDrafts';
import { fixtureCorpus } from '../export/fixtureCorpus';

// brat standoff written here by hand, with every construct found in real brat corpora (the nlplab/brat
// example-data: BioNLP shared tasks, CoNLL, NCBI disease, the tutorials): relations of any type, events
// with roles (one the argument of another, two on one trigger), equivalences, attributes A and M on
// entities and events, normalisations, notes, a discontinuous span, and text outside the BMP.

const corpus = fixtureCorpus();
const A = 'seeds/000_hong_kong_tech.txt';
const text = corpus.documents[0].text;
/** brat offsets count code points, like Python. */
const at = (quote: string) => {
  const start = [...text.slice(0, text.indexOf(quote))].length;
  return `${start} ${start + [...quote].length}`;
};
const cp = (quote: string) => `${at(quote)}\t${quote}`;

const ANN = [
  `T1\tClaim ${cp('must not copy the mainland 📈')}`,
  `T2\tCausal_claim ${cp('blindly pursuing hot industries')}`,
  `T3\tPremise ${cp('𨋢 (lift)')}`,
  `T4\tClaim ${cp('compete on price')}`,
  'R1\tSupports Arg1:T2 Arg2:T1',
  'R2\tOrigin Arg1:T3 Arg2:T1',
  'A1\tclaimType T1 normative',
  'A2\tConfidence T3 High',
  'A3\tNegation T2',
  'N1\tReference T2 entities:xi-jinping\tXi Jinping',
  'N2\tReference T3 Wikipedia:12345\tElevator',
  '#1\tAnnotatorNotes T3\tA Cantonese character.',
  `T5\tCompetition ${cp('compete')}`,
  'E1\tCompetition:T5 Agent:T2 Theme:T4',
  'E2\tCause:T5 Theme:E1',
  'M1\tSpeculation E2',
  'A4\tNegation E1',
  '#2\tAnnotatorNotes E1\tTwo events on one trigger.',
  `T6\tPlace ${at('must')};${at('copy')}\tmust copy`,
  '*\tEquiv T1 T4',
  'R3\tSame_as Arg1:T4 Arg2:T9',
  'A5\tNegation T9',
  'garbage line',
  `T7\tClaim 0 5\tnowhere to be found`,
  '',
].join('\n');

function run(ann: string, relationMap?: Map<string, Link['relation']>) {
  const parsed = parseBrat(ann, 'doc.ann', { document: A, entityIds: new Set(['xi-jinping']), relationMap });
  let n = 0;
  const placed = placeDrafts(parsed.drafts, { texts: new Map([[A, text]]), takenIds: new Set(), defaultAuthor: 'Importer', now: '2026-12-01T00:00:00Z', newId: () => `b${String(++n).padStart(7, '0')}` });
  // Relations come back as links with no words of their own (brat's relations have no span).
  const all = [...placed.annotations.get(A)!, ...(placed.links.get(A) ?? [])] as Annotation[];
  const byId = new Map(all.map((a) => [`#${a.id}`, a]));
  /** A link as `from-quote -relation[tags]-> to-quote`, events named by their first tag. */
  const name = (ref: string) => {
    const a = byId.get(ref)!;
    return a.kind === 'note' && a.tags?.length && !a.anchor.exact.includes(' ') ? `${a.tags.join('+')}@${a.anchor.exact}` : a.anchor.exact;
  };
  const links = all.filter((a): a is Link => a.kind === 'link').map((l) => `${name(l.from)} -${l.relation}${l.tags ? `[${l.tags.join(',')}]` : ''}-> ${name(l.to)}`);
  return { parsed, placed, all, links, issues: orderIssues([...parsed.failures, ...placed.failures], [...parsed.warnings, ...placed.warnings]) };
}

describe('brat import', () => {
  const { all, links, issues } = run(ANN);
  const spans = (kinds: Annotation['kind'][]) =>
    all.filter((a) => kinds.includes(a.kind)).map((a) => {
      const r = a as unknown as Record<string, unknown>;
      return [a.kind, a.anchor.exact, r.claimType, r.speaker, a.tags, a.note];
    });

  it('turns T lines into claims or notes with their spans, counting code points; attributes and notes apply', () => {
    expect(spans(['claim', 'note']).slice(0, 4)).toEqual([
      ['claim', 'must not copy the mainland 📈', 'normative', 'author', undefined, undefined],
      ['claim', 'blindly pursuing hot industries', 'causal', 'xi-jinping', ['Negation'], undefined],
      ['note', '𨋢 (lift)', undefined, undefined, ['Premise', 'Confidence:High'], 'Wikipedia:12345 (Elevator)\n\nA Cantonese character.'],
      ['claim', 'compete on price', 'factual', 'author', undefined, undefined],
    ]);
    expect(text.slice(all[0].anchor.start, all[0].anchor.end)).toBe('must not copy the mainland 📈');
  });

  it('events: an annotation on the trigger with the event type, arguments as links with their roles, attributes and notes on events', () => {
    const events = spans(['note']).filter((s) => s[1] === 'compete');
    expect(events).toEqual([
      ['note', 'compete', undefined, undefined, ['Competition', 'Negation'], 'Two events on one trigger.'],
      ['note', 'compete', undefined, undefined, ['Cause', 'Speculation'], undefined],
    ]);
  });

  it('relations of any type, equivalences and event arguments become links; unknown types are kept as tags', () => {
    expect(links).toEqual([
      'blindly pursuing hot industries -supports-> must not copy the mainland 📈',
      '𨋢 (lift) -relates-to[relation:Origin]-> must not copy the mainland 📈',
      'Competition+Negation@compete -relates-to[role:Agent]-> blindly pursuing hot industries',
      'Competition+Negation@compete -relates-to[role:Theme]-> compete on price',
      'Cause+Speculation@compete -relates-to[role:Theme]-> Competition+Negation@compete',
      'must not copy the mainland 📈 -same-as-> compete on price',
    ]);
  });

  it('a relation map turns a brat type into one of our relations', () => {
    expect(run(ANN, new Map([['Origin', 'elaborates']])).links[1]).toBe('𨋢 (lift) -elaborates-> must not copy the mainland 📈');
  });

  it('a discontinuous span is imported as its whole extent, with a warning', () => {
    expect(all.find((a) => a.tags?.[0] === 'Place')?.anchor.exact).toBe('must not copy');
  });

  it('one message per line, in line order; no warning for a line that is then refused', () => {
    expect(issues.map((i) => `${i.origin} ${i.severity}: ${i.reason}`)).toEqual([
      "doc.ann:4 warning: claim 'T4' has no claim type (no claimType attribute, type not e.g. Causal): imported as factual",
      `doc.ann:19 warning: 'T6' has a discontinuous span (${at('must')};${at('copy')}): imported as its whole extent ${at('must').split(' ')[0]}-${at('copy').split(' ')[1]}`,
      "doc.ann:21 error: relation 'R3': 'T9' is not an annotation of this file",
      "doc.ann:22 error: attribute 'A5' is about 'T9', which is not an annotation of this file",
      "doc.ann:23 error: not a brat standoff line (it starts with 'garbage line')",
      `doc.ann:24 error: "nowhere to be found" in ${A} was not found`,
    ]);
  });
});

describe('relation map file', () => {
  it('reads YAML or JSON, and names a wrong relation', async () => {
    const { readRelationMap } = await import('../../../src/core/import/relationMap');
    expect(readRelationMap('Origin: elaborates\nAlias: same-as\n', 'map.yaml')).toEqual({ map: new Map([['Origin', 'elaborates'], ['Alias', 'same-as']]) });
    expect(readRelationMap('{"Origin": "elaborates"}', 'map.json')).toEqual({ map: new Map([['Origin', 'elaborates']]) });
    expect(readRelationMap('Origin: caused-by\n', 'map.yaml')).toEqual({ error: "map.yaml: 'Origin' maps to 'caused-by', which is not one of: supports, contradicts, elaborates, same-as, cites, responds-to, relates-to" });
    expect('error' in readRelationMap('Origin: [\n', 'map.yaml')).toBe(true);
  });
});
