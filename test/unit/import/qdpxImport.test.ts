import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { absoluteRef, exportQdpx, ExportCorpus } from '../../../src/core/export';
import { parseQdpx } from '../../../src/core/import/qdpxImport';
import { placeDrafts } from '../../../src/core/import/placeDrafts';
import { Annotation } from '../../../src/core/model';
import { fixtureCorpus } from '../export/fixtureCorpus';
import { referenceCorpus } from '../export/referenceCorpus';

// REFI-QDA import: our own export comes back with every field the same (new ids aside); a project from
// another tool (its own codes, users, notes, links, a PDF source) is read as far as the model reaches;
// hostile projects are refused whole with where and what.

function importInto(corpus: ExportCorpus, bytes: Uint8Array, addDocumentsTo?: string) {
  const texts = new Map(corpus.documents.map((d) => [d.path, d.text]));
  const parsed = parseQdpx(bytes, 'p.qdpx', { documentPaths: [...texts.keys()], texts, addDocumentsTo });
  for (const d of parsed.newDocuments) texts.set(d.path, d.text);
  let n = 0;
  const placed = placeDrafts(parsed.drafts, { texts, takenIds: new Set(), defaultAuthor: 'x', now: '2026-12-01T00:00:00Z', newId: () => `q${String(++n).padStart(7, '0')}` });
  return { parsed, placed };
}

/** Every field, with references named by what they point at (ids are new). */
function describeAll(byDoc: Array<[string, Annotation[]]>): string[] {
  const all = new Map(byDoc.flatMap(([doc, list]) => list.map((a) => [`${doc}#${a.id}`, a] as const)));
  const name = (ref: string, doc: string): string => {
    const a = all.get(absoluteRef(ref, doc) as `${string}#${string}`);
    return a ? `${a.kind}@${doc}:${a.anchor.start}-${a.anchor.end}` : ref;
  };
  return byDoc
    .flatMap(([doc, list]) =>
      list.map((a) => {
        const r: Record<string, unknown> = { ...a, id: undefined, doc };
        for (const k of ['from', 'to', 'target'] as const) if (typeof r[k] === 'string') r[k] = name(r[k] as string, doc);
        return JSON.stringify(r, Object.keys({ ...r, ...a.anchor }).sort());
      }),
    )
    .sort();
}

function roundTripDifferences(corpus: ExportCorpus) {
  const exported = exportQdpx(corpus);
  const { parsed, placed } = importInto(corpus, exported.bytes);
  const skipped = new Set(exported.skipped);
  const before = describeAll(corpus.documents.map((d) => [d.path, d.sidecar.annotations.filter((a) => !skipped.has(`${d.path}#${a.id}`)).map((a) => ({ ...a, review: undefined }))]));
  const after = describeAll([...placed.annotations]);
  return { parsed, placed, before, differences: before.filter((s) => !after.includes(s)).length + after.filter((s) => !before.includes(s)).length };
}

describe('REFI-QDA import', () => {
  it('round-trips the reference corpus: 240 annotations, every field the same', () => {
    const { parsed, placed, before, differences } = roundTripDifferences(referenceCorpus());
    expect([...parsed.failures, ...placed.failures, ...parsed.warnings, ...placed.warnings]).toEqual([]);
    expect(before.length).toBe(240);
    expect(differences).toBe(0);
  });

  it('round-trips the export fixture (text outside the BMP, CRLF, notes with line breaks); positions count code points', () => {
    const { differences, placed } = roundTripDifferences(fixtureCorpus());
    expect(differences).toBe(0);
    const doc = fixtureCorpus().documents[0];
    const lift = [...placed.annotations.values()].flat().find((a) => a.anchor.exact.includes('𨋢'))!;
    expect(doc.text.slice(lift.anchor.start, lift.anchor.end)).toBe(lift.anchor.exact);
  });

  const foreign = (sourceName: string, text: string) => {
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="From another tool" origin="QualCoder">
  <Users><User guid="u1" name="Maria"/></Users>
  <CodeBook><Codes>
    <Code guid="c1" name="Economy" isCodable="true"><Code guid="c2" name="Jobs" isCodable="true"/></Code>
  </Codes></CodeBook>
  <Notes><Note guid="n1" name="memo"><PlainTextContent>Check this figure.</PlainTextContent></Note></Notes>
  <Sources>
    <TextSource guid="s1" name="${sourceName}" plainTextPath="internal://s1.txt">
      <PlainTextSelection guid="p1" name="seg" startPosition="0" endPosition="4" creatingUser="u1" creationDateTime="2024-01-02T03:04:05Z">
        <Description>First words</Description>
        <Coding guid="k1" creatingUser="u1"><CodeRef targetGUID="c2"/></Coding>
        <NoteRef targetGUID="n1"/>
      </PlainTextSelection>
      <PlainTextSelection guid="p2" name="seg2" startPosition="8" endPosition="10" creatingUser="u1"/>
    </TextSource>
    <PDFSource guid="s2" name="scan.pdf" path="internal://s2.pdf"/>
  </Sources>
  <Links><Link guid="l1" name="explains" originGUID="p1" targetGUID="p2" direction="OneWay"/></Links>
</Project>`;
    return zipSync({ 'project.qde': strToU8(qde), 'Sources/s1.txt': strToU8(text) });
  };

  it("another tool's project: codes become tags by their path, users authors, memos notes, links links; a PDF is listed as not imported", () => {
    const corpus = { documents: [{ path: 'docs/plan.txt', text: 'Jobs up 5% this year.', sidecar: { schemaVersion: 1, document: 'docs/plan.txt', fingerprint: '', annotations: [] } }], entities: [] };
    const { parsed, placed } = importInto(corpus, foreign('C:/Users/maria/plan.txt', 'Jobs up 5% this year.'));
    expect(parsed.failures).toEqual([{ origin: "p.qdpx (PDFSource 'scan.pdf')", reason: 'a PDF source: only text sources can be annotated here' }]);
    const all = placed.annotations.get('docs/plan.txt')!;
    expect(all.map((a) => [a.kind, a.anchor.exact, a.tags, a.note, a.author, a.kind === 'link' ? a.relation : undefined])).toEqual([
      ['note', 'Jobs', ['Economy/Jobs'], 'First words\n\nCheck this figure.', 'Maria', undefined],
      ['note', '5%', undefined, undefined, 'Maria', undefined],
    ]);
    // A <Link> between two selections is a link with no words of its own (the two annotations keep one card each).
    const [jobs, percent] = all;
    expect(placed.links.get('docs/plan.txt')!.map((l) => [l.from, l.to, l.relation, l.tags, l.author, 'anchor' in l])).toEqual([[`#${jobs.id}`, `#${percent.id}`, 'relates-to', ['relation:explains'], 'x', false]]);
  });

  it('a source matching no document by name matches by content, or is added as a new document when asked', () => {
    const corpus = { documents: [{ path: 'docs/plan.txt', text: 'Jobs up 5% this year.', sidecar: { schemaVersion: 1, document: 'docs/plan.txt', fingerprint: '', annotations: [] } }], entities: [] };
    expect(importInto(corpus, foreign('Interview 3', 'Jobs up 5% this year.')).placed.annotations.has('docs/plan.txt')).toBe(true);
    const refused = importInto(corpus, foreign('Interview 3', 'Other text entirely.'));
    expect(refused.parsed.failures[1]).toEqual({ origin: "p.qdpx (source 'Interview 3')", reason: 'matches no workspace document by name or by content (add it with --add-documents)' });
    const added = importInto(corpus, foreign('Interview 3', 'Other text entirely.'), 'imported');
    expect(added.parsed.newDocuments).toEqual([{ path: 'imported/Interview_3.txt', text: 'Other text entirely.' }]);
    expect(added.placed.annotations.get('imported/Interview_3.txt')?.[0].anchor.exact).toBe('Othe');
  });
});

describe('hostile REFI-QDA projects are refused whole, saying where and what', () => {
  const ctx = { documentPaths: [], texts: new Map<string, string>() };
  const refuse = (bytes: Uint8Array) => {
    const parsed = parseQdpx(bytes, 'evil.qdpx', ctx);
    expect(parsed.drafts).toEqual([]);
    expect(parsed.newDocuments).toEqual([]);
    return parsed.failures;
  };

  it('zip slip: an entry that leaves the folder', () => {
    for (const name of ['../../.bashrc', '/etc/passwd', 'Sources/../../x', 'C:/Windows/x', 'a\\..\\b']) {
      expect(refuse(zipSync({ 'project.qde': strToU8('<Project/>'), [name]: strToU8('x') }))).toEqual([{ origin: 'evil.qdpx', reason: `entry '${name}' leaves the project folder (zip slip): refused` }]);
    }
  });

  it('a zip bomb: 60 MB of zeros packed small', () => {
    const bomb = zipSync({ 'project.qde': new Uint8Array(60 * 1024 * 1024) }, { level: 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refuse(bomb)[0].reason).toMatch(/^it unpacks to more than the 52428800-byte limit \(at entry 'project\.qde'\): refused$/);
    const small = zipSync({ 'project.qde': new Uint8Array(5 * 1024 * 1024) }, { level: 9 });
    expect(refuse(small)[0].reason).toMatch(/^entry 'project\.qde' expands \d+ times \(a zip bomb\): refused$/);
  });

  it('entity expansion and external entities: any DOCTYPE is refused with its line and column', () => {
    const laughs = '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<Project>&lol2;</Project>';
    expect(refuse(zipSync({ 'project.qde': strToU8(laughs) }))).toEqual([{ origin: 'evil.qdpx:2:1', reason: expect.stringMatching(/^it declares a DOCTYPE or entities/) }]);
    const external = '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project>&x;</Project>';
    expect(refuse(strToU8(external))[0].origin).toBe('evil.qdpx:1:22');
  });

  it('malformed XML is reported with line and column; a project.qde that is not UTF-8 is refused', () => {
    const failures = refuse(zipSync({ 'project.qde': strToU8('<?xml version="1.0"?>\n<Project>\n  <Users>\n</Project>') }));
    expect(failures).toEqual([{ origin: expect.stringMatching(/^evil\.qdpx:\d+:\d+$/), reason: expect.stringMatching(/^not well-formed XML: /) }]);
    expect(refuse(zipSync({ 'project.qde': new Uint8Array([0x3c, 0x50, 0xff, 0x3e]) }))[0].reason).toMatch(/^it is not UTF-8 text \(the first bad byte is at offset 2\)/);
    expect(refuse(strToU8('PK not a zip'))[0].reason).toMatch(/^not a zip file/);
  });
});
