import { describe, expect, it } from 'vitest';
import { decodeForeign, jsonTooDeep, MAX_IMPORT_BYTES } from '../../../src/core/import/foreignFile';
import { parseBrat } from '../../../src/core/import/bratImport';
import { parseW3c } from '../../../src/core/import/w3cImport';

// Hostile foreign files get what hostile sidecars get: a clear message with where and what, and nothing
// imported. (That nothing is written is the import service's part: it writes only placed drafts.)

const ctx = { documentPaths: ['doc.txt'], document: 'doc.txt' };

describe('hostile W3C and brat files', () => {
  it('JSON nested 200,000 levels deep is refused at the level that breaks the limit, not with a stack overflow', () => {
    for (const open of ['[', '{"a":']) {
      const text = open.repeat(200_000);
      const parsed = parseW3c(text, 'deep.json', ctx);
      expect(parsed.drafts).toEqual([]);
      expect(parsed.failures).toEqual([{ origin: expect.stringMatching(/^deep\.json:1:\d+$/), reason: 'nested deeper than 64 levels; a Web Annotation needs far fewer' }]);
    }
    // Brackets inside strings do not count.
    expect(jsonTooDeep(JSON.stringify({ value: '['.repeat(1000) }))).toBeUndefined();
  });

  it('a syntax error is reported with line and column', () => {
    const parsed = parseW3c('{\n  "type": "Annotation",\n  "target": oops\n}', 'bad.json', ctx);
    expect(parsed.failures).toEqual([{ origin: 'bad.json:3:13', reason: expect.stringMatching(/^not JSON: /) }]);
  });

  it('files over the size limit and bytes that are not UTF-8 are refused, saying which and where', () => {
    expect(decodeForeign(new Uint8Array(11), 10)).toEqual({ error: 'it is 11 bytes, more than the 10-byte limit for imported files' });
    expect(MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024);
    const latin1 = new Uint8Array([...new TextEncoder().encode('T1\tNote 0 4\tcaf'), 0xe9, 0x0a]);
    expect(decodeForeign(latin1)).toEqual({ error: 'it is not UTF-8 text (the first bad byte is at offset 15); save it as UTF-8 and import again' });
    expect(decodeForeign(new TextEncoder().encode('\ufeffT1\tNote 0 4\tcafé'))).toEqual({ text: 'T1\tNote 0 4\tcafé' });
  });

  it('a brat file of 200,000 garbage lines is refused line by line, one message each', () => {
    const text = 'X\n'.repeat(200_000);
    const parsed = parseBrat(text, 'junk.ann', { document: 'doc.txt' });
    expect(parsed.drafts).toEqual([]);
    expect(parsed.failures.length).toBe(200_000);
    expect(parsed.failures[0]).toEqual({ origin: 'junk.ann:1', reason: "not a brat standoff line (it starts with 'X')" });
  });
});
