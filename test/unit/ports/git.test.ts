import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { fingerprint } from '../../../src/core/anchoring';
import { gitCli } from '../../../src/core/ports/git';
import { git as runGit, tempRepo } from '../cli/tempRepo';

describe('gitCli', () => {
  it('stores a blob and reads it back by its id', async () => {
    const root = tempRepo([]);
    const bytes = new TextEncoder().encode('Policy text\r\nwith CRLF and “quotes”.\n');
    const id = await gitCli().storeBlob(root, bytes);
    expect(id).toBe(fingerprint(bytes));
    expect(Buffer.from((await gitCli().readBlob(root, id!))!)).toEqual(Buffer.from(bytes));
    expect(runGit(root, 'cat-file', '-t', id!).trim()).toBe('blob');
  });

  it('answers undefined outside a repository, even for a large write (no broken-pipe crash)', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'pa-nogit-'));
    onTestFinished(() => rmSync(outside, { recursive: true, force: true }));
    const big = new Uint8Array(4 * 1024 * 1024).fill(65);
    for (let i = 0; i < 5; i++) expect(await gitCli().storeBlob(outside, big)).toBeUndefined();
    expect(await gitCli().readBlob(outside, 'a'.repeat(40))).toBeUndefined();
  });

  it('refuses anything that is not a blob id', async () => {
    expect(await gitCli().readBlob(tempRepo([]), '--output=/tmp/x')).toBeUndefined();
  });
});
