import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CSV_COLUMNS, exportCsv, exportYaml } from '../../../src/core/export';
import { expectGolden } from '../golden';
import { codePointSlice, expectedDir, fixtureCorpus } from './fixtureCorpus';

const corpus = fixtureCorpus();
const textOf = (path: string) => corpus.documents.find((d) => d.path === path)!.text;

/** RFC 4180 reader, enough to check the writer: quoted fields, doubled quotes, CRLF records. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"') (quoted = true), i++;
    else if (c === ',') row.push(field), (field = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else (field += c), i++;
  }
  return rows;
}

describe('YAML export', () => {
  const text = exportYaml(corpus);
  const data = parse(text);

  it('matches the golden file and is deterministic', () => {
    expectGolden(join(expectedDir, 'corpus.yaml'), text);
    const shuffled = { documents: [...corpus.documents].reverse().map((d) => ({ ...d, sidecar: { ...d.sidecar, annotations: [...d.sidecar.annotations].reverse() } })), entities: [...corpus.entities].reverse() };
    expect(exportYaml(shuffled)).toBe(text);
  });

  it('resolves links in both directions, across documents', () => {
    const all = data.documents.flatMap((d: { annotations: unknown[] }) => d.annotations);
    const byRef = Object.fromEntries(all.map((a: { ref: string }) => [a.ref, a]));
    expect(byRef['seeds/000_hong_kong_tech.txt#c5d6e7f8'].links).toEqual({
      outgoing: [{ link: 'seeds/000_hong_kong_tech.txt#l9k8j7h6', relation: 'contradicts', to: 'seeds/003_smart_city.txt#c0v9b8n7' }],
      incoming: [{ link: 'seeds/003_smart_city.txt#l2k3j4h5', relation: 'supports', from: 'seeds/003_smart_city.txt#s3d4f5g6' }],
    });
    expect(byRef['seeds/003_smart_city.txt#c0v9b8n7'].links.incoming).toEqual([{ link: 'seeds/000_hong_kong_tech.txt#l9k8j7h6', relation: 'contradicts', from: 'seeds/000_hong_kong_tech.txt#c5d6e7f8' }]);
    expect(byRef['seeds/003_smart_city.txt#l6m7n8b9'].to).toBe('leung-chun-ying');
    expect(data.entities.map((e: { id: string }) => e.id)).toEqual(['hkej', 'leung-chun-ying', 'xi-jinping']);
  });

  it('counts positions in code points, and leaves them out where the words are gone', () => {
    for (const doc of data.documents) {
      for (const a of doc.annotations) {
        if (a.anchor.placed === false) continue;
        expect(codePointSlice(textOf(doc.path), a.anchor.start, a.anchor.end)).toBe(a.anchor.exact);
      }
    }
    const note = data.documents[0].annotations.find((a: { id: string }) => a.id === 'n2b3v4c5');
    const utf16Start = textOf('seeds/000_hong_kong_tech.txt').indexOf('𨋢');
    expect(note.anchor.start).toBeLessThan(utf16Start);
    const orphan = data.documents[0].annotations.find((a: { id: string }) => a.id === 'q1w2e3r4');
    expect(orphan.anchor).toEqual({ exact: 'a sentence that was deleted', prefix: 'Earlier, ', suffix: ' from the text.', placed: false });
  });
});

describe('CSV export', () => {
  const text = exportCsv(corpus);
  const rows = readCsv(text);

  it('matches the golden file: header row, one row per annotation, CRLF records', () => {
    expectGolden(join(expectedDir, 'corpus.csv'), text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.length).toBe(1 + 12);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('quotes fields with commas, quotes and line breaks, so they read back unchanged', () => {
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const note = rows.find((r) => r[col('id')] === 'n8m9b0v1')!;
    expect(note[col('label_note')]).toBe('Which data? Quotes, commas, and "double quotes" test CSV quoting.');
    const multiLine = rows.find((r) => r[col('id')] === 'n2b3v4c5')!;
    expect(multiLine[col('note')]).toBe('Cantonese character outside the BMP:\nits code point offsets differ from UTF-16.');
    expect(multiLine[col('tags')]).toBe('unicode');
    const claim = rows.find((r) => r[col('id')] === 'c5d6e7f8')!;
    expect([claim[col('speaker_holder')], claim[col('claimType_polarity')], claim[col('tags')]]).toEqual(['author', 'normative', 'industrial-policy;involution']);
    expect(codePointSlice(corpus.documents[0].text, Number(claim[col('start')]), Number(claim[col('end')]))).toBe(claim[col('exact')]);
    const orphan = rows.find((r) => r[col('id')] === 'q1w2e3r4')!;
    expect([orphan[col('start')], orphan[col('end')], orphan[col('review')]]).toEqual(['', '', 'orphaned']);
  });

  it('starts with a byte order mark only when asked', () => {
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(exportCsv(corpus, { bom: true }).charCodeAt(0)).toBe(0xfeff);
  });

  it('neutralises cells a spreadsheet would run as a formula (OWASP), unless asked not to', () => {
    const doc = corpus.documents[0];
    const first = doc.sidecar.annotations.find((a) => a.kind === 'note')!;
    const risky = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'];
    const sidecar = { ...doc.sidecar, annotations: risky.map((note, i) => ({ ...first, id: `f${i}000000`, note })) };
    const one = { documents: [{ ...doc, sidecar }], entities: [] };
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const safe = readCsv(exportCsv(one)).slice(1);
    expect(safe.map((r) => r[col('note')])).toEqual(risky.map((r) => `'${r}`));
    const raw = readCsv(exportCsv(one, { keepFormulas: true })).slice(1);
    expect(raw.map((r) => r[col('note')])).toEqual(risky);
    // Numbers and ordinary text are left alone.
    expect(rows.slice(1).every((r) => !r[col('start')].startsWith("'"))).toBe(true);
  });
});
