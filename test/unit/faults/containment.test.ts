// A repository written by someone else may hold symbolic links that lead out of the workspace folder.
// Nothing is read or written through them: not by the store (editor and CLI alike), not by validate,
// status --write or export. Document paths that are absolute or contain `..` are refused as well.
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../src/core/ports/nodeFileSystem';
import { checkContained, isInside } from '../../../src/core/safety/containment';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { sampleSidecar } from '../store/sampleSidecar';
import { cli } from '../cli/runCliCapture';
import { annotate, tempRepo } from '../cli/tempRepo';

const DOC = 'seeds/000_d3c97eb98561e2fd.txt';

describe('the store, through the FileSystem port', () => {
  it('refuses a sidecar folder that is a link out of the workspace: not read, not written, located message', async () => {
    const fs = new MemoryFileSystem();
    fs.links.set('/ws/annotations', '/home/someone/.config');
    fs.setText(`/home/someone/.config/${DOC}.yaml`, writeSidecar(sampleSidecar()));
    const store = new SidecarStore(fs, '/ws');
    const base = await store.load(DOC);
    expect(base.read.writable).toBe(false);
    expect(base.read.sidecar).toBeUndefined();
    expect(base.read.problems).toEqual([
      expect.objectContaining({ file: `annotations/${DOC}.yaml`, line: 1, severity: 'error', message: expect.stringMatching(/leads through a symbolic link to \/home\/someone\/\.config\/seeds\/.* outside the workspace folder \/ws/) }),
    ]);
    const outcome = await store.save({ ...base, read: { ...base.read, writable: true } }, sampleSidecar());
    expect(outcome.kind).toBe('refused');
    expect(fs.writes).toBe(0);
    expect([...fs.files.keys()].filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('refuses a document that is reached through a link out of the workspace', async () => {
    const fs = new MemoryFileSystem();
    fs.links.set('/ws/seeds', '/etc');
    const base = await new SidecarStore(fs, '/ws').load(DOC);
    expect(base.read.problems[0].message).toMatch(/document seeds\/000_d3c97eb98561e2fd\.txt leads through a symbolic link to \/etc\//);
    expect(base.read.writable).toBe(false);
  });

  it('follows links that stay inside the workspace', async () => {
    const fs = new MemoryFileSystem();
    fs.links.set('/ws/seeds', '/ws/archive/seeds');
    const base = await new SidecarStore(fs, '/ws').load(DOC);
    expect(base.read).toMatchObject({ problems: [], writable: true });
  });

  it.each([
    ['/etc/passwd', /must be relative/],
    ['../outside.txt', /must not contain '\.\.'/],
    ['seeds/../../outside.txt', /must not contain '\.\.'/],
    ['C:/Windows/win.ini', /must be relative/],
    ['seeds\\..\\..\\x.txt', /must use '\/' separators/],
  ])('refuses the document path %s before touching any file', async (documentPath, message) => {
    const fs = new MemoryFileSystem();
    const store = new SidecarStore(fs, '/ws');
    const base = await store.load(documentPath);
    expect(base.read.problems[0].message).toMatch(message);
    expect((await store.save({ ...base, read: { ...base.read, writable: true } }, { ...sampleSidecar(), document: documentPath })).kind).toBe('refused');
    expect(fs.files.size).toBe(0);
  });

  it('isInside is not fooled by a sibling with the same prefix', () => {
    expect(isInside('/ws', '/ws/a')).toBe(true);
    expect(isInside('/ws', '/ws')).toBe(true);
    expect(isInside('/ws', '/ws-evil/a')).toBe(false);
    expect(isInside('/ws', '/ws/../etc')).toBe(false);
    expect(isInside('/ws', '/ws/..foo')).toBe(true);
  });
});

describe('real symbolic links, with the CLI', () => {
  function outside(): string {
    const dir = mkdtempSync(join(tmpdir(), 'pa-outside-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  it('validate, status --write and export refuse a sidecar folder linked out of the workspace', async () => {
    const root = tempRepo(['000_d3c97eb98561e2fd.txt']);
    const elsewhere = outside();
    annotate(root, DOC, { aaaa0001: 'Northern Metropolis and Cyberport' });
    const sidecar = readFileSync(join(root, 'annotations', `${DOC}.yaml`), 'utf8');
    // annotations/seeds is now a link to a folder outside, holding a copy of the sidecar.
    mkdirSync(join(elsewhere, 'seeds'));
    writeFileSync(join(elsewhere, 'seeds', '000_d3c97eb98561e2fd.txt.yaml'), sidecar.replace('Northern', 'Northern '));
    rmSync(join(root, 'annotations', 'seeds'), { recursive: true });
    symlinkSync(join(elsewhere, 'seeds'), join(root, 'annotations', 'seeds'));
    const before = readFileSync(join(elsewhere, 'seeds', '000_d3c97eb98561e2fd.txt.yaml'), 'utf8');

    for (const args of [['validate', DOC], ['status', '--write', DOC], ['export', '--format', 'csv', '--out', join(root, 'out.csv'), DOC]]) {
      const result = await cli(root, ...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.out + result.err).toMatch(/annotations\/seeds\/000_d3c97eb98561e2fd\.txt\.yaml:1:1: error: .*leads through a symbolic link to .*outside the workspace folder/);
    }
    expect(readFileSync(join(elsewhere, 'seeds', '000_d3c97eb98561e2fd.txt.yaml'), 'utf8')).toBe(before);
    expect(existsSync(join(root, 'out.csv'))).toBe(false);
  });

  it('export does not copy a document that is a link to a file outside (a key, say) into its output', async () => {
    const root = tempRepo(['000_d3c97eb98561e2fd.txt']);
    const elsewhere = outside();
    const secret = join(elsewhere, 'id_rsa');
    writeFileSync(secret, '-----BEGIN PRIVATE KEY----- Northern Metropolis and Cyberport -----END PRIVATE KEY-----\n');
    symlinkSync(secret, join(root, 'seeds', 'key.txt'));
    annotate(root, 'seeds/key.txt', { aaaa0002: 'Northern Metropolis and Cyberport' });
    const result = await cli(root, 'export', '--format', 'yaml', '--out', '-');
    expect(result.code).toBe(1);
    expect(result.out).not.toMatch(/PRIVATE KEY/);
    expect(result.err).toMatch(/annotations\/seeds\/key\.txt\.yaml:1:1: error: document seeds\/key\.txt leads through a symbolic link to .*id_rsa/);
  });

  it('status --write does not write through a sidecar that is itself a link out, nor replace the link', async () => {
    const root = tempRepo(['000_d3c97eb98561e2fd.txt']);
    const elsewhere = outside();
    const file = annotate(root, DOC, { aaaa0001: 'Northern Metropolis and Cyberport' });
    const target = join(elsewhere, 'theirs.yaml');
    writeFileSync(target, readFileSync(file, 'utf8'));
    rmSync(file);
    symlinkSync(target, file);
    const result = await cli(root, 'status', '--write');
    expect(result.code).toBe(1);
    expect(readlinkSync(file)).toBe(target);
    expect(await checkContained(nodeFileSystem, root, file, 'x')).toMatch(/symbolic link/);
  });
});
