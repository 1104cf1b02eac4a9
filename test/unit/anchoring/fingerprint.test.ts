import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/core/anchoring';

const dir = mkdtempSync(join(tmpdir(), 'anchoring-fp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function gitHashObject(bytes: Uint8Array): string {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, bytes);
  return execFileSync('git', ['hash-object', '--no-filters', path], { encoding: 'utf8' }).trim();
}

describe('fingerprint', () => {
  it('is the well-known id of the empty blob', () => {
    expect(fingerprint('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  });

  const cases: [string, Uint8Array][] = [
    ['ascii', Buffer.from('hello world\n')],
    ['CRLF and BOM', Buffer.from('\uFEFFline one\r\nline two\r\n', 'utf8')],
    ['non-BMP and NBSP', Buffer.from('emoji 😀, CJK 𠀀, nbsp\u00a0“quoted” – dash', 'utf8')],
    ['binary bytes', Uint8Array.from([0, 255, 10, 13, 0, 128])],
  ];
  for (const [name, bytes] of cases) {
    it(`equals git hash-object --no-filters: ${name}`, () => {
      expect(fingerprint(bytes)).toBe(gitHashObject(bytes));
    });
  }

  it('equals git for every seed document, from bytes and from the decoded string', () => {
    const seeds = join(__dirname, '../../../seeds');
    for (const name of ['000_d3c97eb98561e2fd.txt', '004_37cb7f1bcf4e8cbd.txt']) {
      const bytes = readFileSync(join(seeds, name));
      const expected = execFileSync('git', ['hash-object', '--no-filters', join(seeds, name)], { encoding: 'utf8' }).trim();
      expect(fingerprint(bytes)).toBe(expected);
      expect(fingerprint(bytes.toString('utf8'))).toBe(expected);
    }
  });
});
