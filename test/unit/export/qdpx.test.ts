import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportQdc, exportQdpx } from '../../../src/core/export';
import { expectGolden } from '../golden';
import { codePointSlice, expectedDir, fixtureCorpus } from './fixtureCorpus';
import { checkRefiQda } from './refiQdaStructure';

const corpus = fixtureCorpus();
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, trimValues: false });
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
/** Every element with this name, depth first, from fast-xml-parser's ordered output. */
function elements(nodes: Node[], name: string): Node[] {
  const out: Node[] = [];
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node)) {
      if (key === ':@' || !Array.isArray(value)) continue;
      if (key === name) out.push(node);
      out.push(...elements(value as Node[], name));
    }
  }
  return out;
}
const attrs = (node: Node) => node[':@'] ?? {};

describe('REFI-QDA project export (.qdpx)', () => {
  const result = exportQdpx(corpus);
  const files = unzipSync(result.bytes);
  const qde = decode(files['project.qde']);
  const tree = parser.parse(qde) as Node[];

  it('matches the golden project.qde and is byte-for-byte reproducible', () => {
    expectGolden(join(expectedDir, 'project.qde'), qde);
    expect(exportQdpx(corpus).bytes).toEqual(result.bytes);
    expect(result.projectXml).toBe(qde);
  });

  it('follows the REFI-QDA Project schema: element order, required attributes, GUIDs, types', () => {
    expect(checkRefiQda(tree, 'project')).toEqual([]);
  });

  it('stores each document as a plain-text source whose code point positions select the quoted words', () => {
    const sources = elements(tree, 'TextSource');
    expect(sources.map((s) => attrs(s).name)).toEqual(['seeds/000_hong_kong_tech.txt', 'seeds/003_smart_city.txt']);
    expect(Object.keys(files).sort()).toEqual(['Sources/' + attrs(sources[0]).guid + '.txt', 'Sources/' + attrs(sources[1]).guid + '.txt', 'project.qde'].sort());
    for (const [i, source] of sources.entries()) {
      const path = attrs(source).plainTextPath.replace('internal://', 'Sources/');
      const text = decode(files[path]);
      expect(text).toBe(corpus.documents[i].text);
      for (const selection of elements([source], 'PlainTextSelection')) {
        const a = corpus.documents[i].sidecar.annotations.find((x) => attrs(selection).name.endsWith(x.id))!;
        expect(codePointSlice(text, Number(attrs(selection).startPosition), Number(attrs(selection).endPosition))).toBe(a.anchor.exact);
      }
    }
    expect(result.skipped).toEqual(['seeds/000_hong_kong_tech.txt#q1w2e3r4']);
  });

  it('codes each selection with its kind term and tags, and links linked selections', () => {
    const codes = new Map(elements(tree, 'Code').map((c) => [attrs(c).guid, attrs(c).name]));
    const selection = elements(tree, 'PlainTextSelection').find((s) => attrs(s).name === 'claim c5d6e7f8')!;
    const coded = elements([selection], 'CodeRef').map((r) => codes.get(attrs(r).targetGUID));
    expect(coded).toEqual(['normative', 'industrial-policy', 'involution']);
    const links = elements(tree, 'Link').map((l) => attrs(l));
    const selectionName = new Map(elements(tree, 'PlainTextSelection').map((s) => [attrs(s).guid, attrs(s).name]));
    expect(links.map((l) => [l.name, selectionName.get(l.originGUID), selectionName.get(l.targetGUID)])).toEqual([
      ['contradicts', 'claim c5d6e7f8', 'claim c0v9b8n7'],
      ['supports', 'stance s3d4f5g6', 'claim c5d6e7f8'],
    ]);
  });

  it('has a codebook by kind with a child per claim type, polarity and relation, and the tags', () => {
    const codesIn = (nodes: Node[]) => nodes.filter((c) => 'Code' in c);
    const top = codesIn(elements(tree, 'Codes')[0].Codes as Node[]);
    expect(top.map((c) => attrs(c).name)).toEqual(['Claim', 'Stance', 'Note', 'Link', 'Tags']);
    const children = (i: number) => codesIn(top[i].Code as Node[]).map((c) => attrs(c).name);
    expect(children(0)).toEqual(['factual', 'causal', 'predictive', 'normative', 'proposal', 'rhetorical-question']);
    expect(children(1)).toEqual(['support', 'oppose', 'neutral', 'mixed']);
    expect(children(3)).toEqual(['supports', 'contradicts', 'elaborates', 'same-as', 'cites', 'responds-to', 'relates-to']);
    expect(children(4)).toEqual(['industrial-policy', 'involution', 'smart-city', 'unicode']);
  });
});

describe('the REFI-QDA structure check', () => {
  const qde = exportQdpx(corpus).projectXml;
  const broken = (from: string | RegExp, to: string) => checkRefiQda(parser.parse(qde.replace(from, to)) as Node[], 'project');

  it('catches what the schema forbids', () => {
    expect(broken(/ startPosition="\d+"/, '')).toEqual([expect.stringMatching(/required attribute startPosition is missing/)]);
    expect(broken(/guid="[^"]+"/, 'guid="not-a-guid"')).toEqual(expect.arrayContaining([expect.stringMatching(/attribute guid="not-a-guid" is not a valid guid/)]));
    expect(broken('isCodable="true"', 'isCodable="yes"')).toEqual([expect.stringMatching(/isCodable="yes" is not a valid boolean/)]);
    expect(broken(/<CodeRef targetGUID="[^"]+"\/>/, '<CodeRef targetGUID="00000000-0000-4000-8000-000000000000"/>')).toEqual([expect.stringMatching(/targetGUID .* refers to no element/)]);
    expect(broken(/(<Users>[\s\S]*?<\/Users>)\n(\s*)(<CodeBook>[\s\S]*?<\/CodeBook>)/, '$3\n$2$1')).toEqual(expect.arrayContaining([expect.stringMatching(/Users is not allowed here/)]));
    expect(broken(/<Coding ([^>]*)>\s*<CodeRef [^>]*\/>\s*<\/Coding>/, '<Coding $1/>')).toEqual(expect.arrayContaining([expect.stringMatching(/CodeRef is missing/)]));
    expect(broken(/ plainTextPath="[^"]+"/, '')).toEqual(expect.arrayContaining([expect.stringMatching(/either PlainTextContent or plainTextPath/)]));
    expect(broken('xmlns="urn:QDA-XML:project:1.0"', '')).toEqual([expect.stringMatching(/must be in namespace/)]);
  });
});

describe('REFI-QDA codebook export (.qdc)', () => {
  const qdc = exportQdc(corpus);
  it('matches the golden file and follows the Codebook schema', () => {
    expectGolden(join(expectedDir, 'codebook.qdc'), qdc);
    expect(checkRefiQda(parser.parse(qdc) as Node[], 'codebook')).toEqual([]);
  });
});
