import { describe, expect, it } from 'vitest';
import { parseW3c } from '../../../src/core/import/w3cImport';
import { placeDrafts } from '../../../src/core/import/placeDrafts';
import { samples } from '../export/w3cSuite';

// The W3C test suite's own sample annotations (test/fixtures/standards): every correct sample with a text
// target (a TextQuoteSelector or TextPositionSelector) is imported; every incorrect one is refused, with
// the rule it breaks or where its JSON is broken.

const DOC = 'doc.txt';
const filler = 'Policy text goes on here. '.repeat(40);
const TEXT = `Intro: this is an anotation that has some words. ${filler}And text before the Selected Text and text after it. ${filler}`;

function importSample(text: string) {
  const parsed = parseW3c(text, 'sample.json', { documentPaths: [DOC], document: DOC });
  let n = 0;
  const placed = placeDrafts(parsed.drafts, { texts: new Map([[DOC, TEXT]]), takenIds: new Set(), defaultAuthor: 'x', now: '2026-12-01T00:00:00Z', newId: () => `w${++n}` });
  return { parsed, placed, imported: placed.annotations.get(DOC) ?? [] };
}

describe('the W3C suite samples', () => {
  it('imports every correct sample with a text target; the others are refused as not text', () => {
    const counts: Record<string, number> = {};
    for (const s of samples('correct')) {
      const { parsed, placed, imported } = importSample(s.text);
      expect(placed.failures, s.name).toEqual([]);
      for (const f of parsed.failures) expect(f.reason, s.name).toMatch(/^(no target with a source and selectors|its target has neither a TextQuoteSelector nor a TextPositionSelector|the collection's pages are not embedded .*)$/);
      if (imported.length) counts[s.name.split('/').pop()!] = imported.length;
    }
    // collection1 holds anno1-41 again: its four with a text target are imported.
    expect(counts).toEqual({ 'anno26.json': 1, 'anno27.json': 1, 'anno32.json': 1, 'anno41-example44.json': 1, 'collection1.json': 4 });
    const quoted = importSample(samples('correct').find((s) => s.name.endsWith('anno32.json'))!.text).imported[0];
    expect(TEXT.slice(quoted.anchor.start, quoted.anchor.end)).toBe('Selected Text');
  });

  it('refuses every incorrect sample with a clear message and imports nothing', () => {
    const messages: string[] = [];
    for (const s of samples('incorrect')) {
      const { parsed, imported } = importSample(s.text);
      expect(imported, s.name).toEqual([]);
      expect(parsed.failures.length, s.name).toBeGreaterThan(0);
      messages.push(`${s.name.split('/').pop()}: ${parsed.failures[0].origin.replace('sample.json', '')} ${parsed.failures[0].reason}`);
    }
    expect(messages.length).toBe(39);
    for (const m of messages) expect(m).toMatch(/(not JSON|not a valid Web Annotation: .*\(\d[\d.]*\)|no annotations found)/);
    expect(messages).toContain("anno10.json: :7:1 not JSON: Expected double-quoted property name");
    expect(messages).toContain('anno28.json:  (annotation 1) not a valid Web Annotation: its id ["http://example.org/1","http://example.org/2"] is not one IRI (3.1); created "yesterday" is not one xsd:dateTime (3.3.1)');
    expect(messages).toContain('anno3.json: :2 not a valid Web Annotation: its @context is missing http://www.w3.org/ns/anno.jsonld (3.1)');
    expect(messages).toContain('anno9.json:  (annotation 1) not a valid Web Annotation: its id ["http://example.org/1","http://example.org/2"] is not one IRI (3.1); its type "Squirrel" is not Annotation (3.1)');
  });

  it('takes creator as an IRI string, an agent object or a list', () => {
    const anno = (creator: unknown) => JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', creator, target: { source: DOC, selector: { type: 'TextQuoteSelector', exact: 'Selected Text' } } });
    const author = (creator: unknown) => importSample(anno(creator)).imported[0]?.author;
    expect(author('acct:alice@example.org')).toBe('acct:alice@example.org');
    expect(author({ type: 'Person', name: 'Alice' })).toBe('Alice');
    expect(author([{ nickname: 'al' }, 'mailto:bob@example.org'])).toBe('al, mailto:bob@example.org');
    expect(importSample(anno(6)).parsed.failures[0].reason).toMatch(/creator 6 is not an IRI/);
  });
});
