import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation, Sidecar } from '../../../src/core/model';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { WorkspaceIndex } from '../../../src/core/workspace/workspaceIndex';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { INDEX_CACHE_VERSION } from '../../../src/core/workspace/indexCache';

/** The in-memory fake with real mtimes and a directory listing, counting reads per file. */
class Workspace extends MemoryFileSystem {
  private clock = 1;
  readonly mtimes = new Map<string, number>();
  readonly reads = new Map<string, number>();

  override setText(path: string, text: string): void {
    super.setText(path, text);
    this.mtimes.set(path, this.clock++);
  }
  override async writeAtomic(path: string, content: string | Uint8Array): Promise<void> {
    await super.writeAtomic(path, content);
    this.mtimes.set(path, this.clock++);
  }
  override async readBytes(path: string): Promise<Uint8Array | undefined> {
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    return super.readBytes(path);
  }
  override async stat(path: string) {
    const bytes = this.files.get(path);
    return bytes && { size: bytes.length, mtimeMs: this.mtimes.get(path) ?? 0 };
  }
  async listFiles(dir: string): Promise<string[]> {
    return [...this.files.keys()].filter((f) => f.startsWith(dir + '/'));
  }
  sidecarReads(): number {
    return [...this.reads].filter(([f]) => f.includes('/annotations/')).reduce((n, [, c]) => n + c, 0);
  }
}

const ROOT = '/ws';
const CACHE = '/storage/index.jsonl';
const TIME = '2026-11-20T10:00:00Z';
const anchor = (start: number) => ({ exact: `quote at ${start}`, prefix: '', suffix: '', start, end: start + 11 });
const base = (id: string, start: number) => ({ id, anchor: anchor(start), author: 'A', created: TIME, modified: TIME });

function sidecarText(document: string, annotations: Annotation[]): string {
  const s: Sidecar = { schemaVersion: 1, document, fingerprint: 'a'.repeat(40), annotations };
  return writeSidecar(s);
}

function setup(): Workspace {
  const fs = new Workspace();
  fs.setText(
    join(ROOT, 'annotations/policy/a.txt.yaml'),
    sidecarText('policy/a.txt', [
      { ...base('claim001', 10), kind: 'claim', label: 'Rents rise', speaker: 'housing-bureau', claimType: 'predictive', tags: ['housing'] },
      { ...base('stance01', 40), kind: 'stance', holder: 'author', target: '#claim001', polarity: 'oppose', review: { status: 'fuzzy', was: 'x' } },
    ]),
  );
  fs.setText(
    join(ROOT, 'annotations/b.md.yaml'),
    sidecarText('b.md', [
      { ...base('link0001', 5), kind: 'link', from: 'finance-office', to: 'policy/a.txt#claim001', relation: 'contradicts' },
      { ...base('note0001', 50), kind: 'note', note: 'see a' },
    ]),
  );
  fs.setText(join(ROOT, 'annotations/broken.txt.yaml'), 'schemaVersion: 1\nannotations: [oops\n');
  fs.setText(join(ROOT, 'annotations/entities.yaml'), 'entities: []\n');
  fs.setText(join(ROOT, 'annotations/readme.md'), 'not a sidecar');
  return fs;
}

const index = (fs: Workspace, options: Partial<ConstructorParameters<typeof WorkspaceIndex>[0]> = {}) => new WorkspaceIndex({ fs, lister: fs, root: ROOT, cacheFile: CACHE, ...options });

describe('WorkspaceIndex', () => {
  it('summarises every sidecar, skipping catalogues and other files, counting problems', async () => {
    const fs = setup();
    const idx = index(fs);
    const result = await idx.load();
    expect(result).toMatchObject({ total: 3, done: 3, read: 3, fromCache: 0 });
    expect(idx.documents().map((d) => [d.documentPath, d.annotations.length, d.problems > 0, d.writable])).toEqual([
      ['b.md', 2, false, true],
      ['broken.txt', 0, true, false],
      ['policy/a.txt', 2, false, true],
    ]);
    expect(idx.byId('claim001')[0]).toEqual({ id: 'claim001', kind: 'claim', documentPath: 'policy/a.txt', exact: 'quote at 10', start: 10, end: 21, label: 'Rents rise', claimType: 'predictive', speaker: 'housing-bureau', tags: ['housing'], author: 'A', modified: '2026-11-20T10:00:00Z' });
    expect(idx.byId('stance01')[0].review).toBe('fuzzy');
    expect(idx.annotationCount).toBe(4);
  });

  it('finds annotations by entity and follows references both ways', async () => {
    const idx = index(setup());
    await idx.load();
    expect(idx.byEntity('housing-bureau').map((r) => [r.annotation.id, r.field])).toEqual([['claim001', 'speaker']]);
    expect(idx.byEntity('finance-office').map((r) => [r.annotation.id, r.field])).toEqual([['link0001', 'from']]);
    expect(idx.byEntity('author')).toEqual([]);
    expect(idx.incoming('policy/a.txt', 'claim001').map((r) => [r.annotation.id, r.field]).sort()).toEqual([
      ['link0001', 'to'],
      ['stance01', 'target'],
    ]);
    expect(idx.outgoing('b.md', 'link0001').map((o) => [o.field, o.annotation.id])).toEqual([['to', 'claim001']]);
    expect(idx.resolve('#claim001', 'policy/a.txt')?.id).toBe('claim001');
    expect(idx.resolve('#claim001', 'b.md')).toBeUndefined();
    expect(idx.entityCounts()).toEqual(new Map([['housing-bureau', 1], ['finance-office', 1]]));
  });

  it('reports progress up to the total and yields to the event loop while loading', async () => {
    const fs = new Workspace();
    for (let i = 0; i < 40; i++) fs.setText(join(ROOT, `annotations/d${i}.txt.yaml`), sidecarText(`d${i}.txt`, [{ ...base(`note${String(i).padStart(4, '0')}`, i), kind: 'note' }]));
    const progress: number[] = [];
    let ticks = 0;
    let running = true;
    const tick = () => {
      ticks++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    await index(fs, { chunkSize: 8, sliceMs: 0 }).load((p) => progress.push(p.done));
    running = false;
    expect(progress).toEqual([8, 16, 24, 32, 40]);
    expect(ticks).toBeGreaterThan(10);
  });

  it('warm start: reads no sidecar whose size and mtime match the cache, re-reads a changed one', async () => {
    const fs = setup();
    expect((await index(fs).load()).cacheWritten).toBe(true);
    expect(fs.text(CACHE)!.split('\n')[0]).toContain(`"version":${INDEX_CACHE_VERSION}`);
    fs.reads.clear();
    const warm = index(fs);
    expect(await warm.load()).toMatchObject({ total: 3, fromCache: 3, read: 0, cacheWritten: false });
    expect(fs.sidecarReads()).toBe(0);
    expect(warm.incoming('policy/a.txt', 'claim001')).toHaveLength(2);

    fs.setText(join(ROOT, 'annotations/b.md.yaml'), sidecarText('b.md', []));
    fs.reads.clear();
    const again = index(fs);
    expect(await again.load()).toMatchObject({ fromCache: 2, read: 1, cacheWritten: true });
    expect(again.incoming('policy/a.txt', 'claim001').map((r) => r.annotation.id)).toEqual(['stance01']);
  });

  it('ignores a cache of another version, folder or a damaged one', async () => {
    for (const damage of [(t: string) => t.replace(`"version":${INDEX_CACHE_VERSION}`, '"version":99'), (t: string) => t.slice(0, t.length / 2), () => 'not json\n']) {
      const fs = setup();
      await index(fs).load();
      fs.setText(CACHE, damage(fs.text(CACHE)!));
      fs.reads.clear();
      const result = await index(fs).load();
      expect(result).toMatchObject({ fromCache: 0, read: 3 });
    }
    const fs = setup();
    await index(fs).load();
    expect(await index(fs, { annotationsFolder: 'notes' }).load()).toMatchObject({ total: 0 });
  });

  it('updates one document, and forgets a deleted one, telling listeners', async () => {
    const fs = setup();
    const idx = index(fs);
    await idx.load();
    const changed: string[][] = [];
    idx.onDidChange((paths) => changed.push(paths));
    fs.setText(
      join(ROOT, 'annotations/b.md.yaml'),
      sidecarText('b.md', [{ ...base('link0002', 7), kind: 'link', from: '#note0002', to: 'housing-bureau', relation: 'cites' }, { ...base('note0002', 9), kind: 'note' }]),
    );
    await idx.updateDocument('b.md');
    expect(changed).toEqual([['b.md']]);
    expect(idx.byId('link0001')).toEqual([]);
    expect(idx.incoming('policy/a.txt', 'claim001').map((r) => r.annotation.id)).toEqual(['stance01']);
    expect(idx.byEntity('housing-bureau').map((r) => r.annotation.id).sort()).toEqual(['claim001', 'link0002']);
    expect(idx.incoming('b.md', 'note0002').map((r) => r.annotation.id)).toEqual(['link0002']);

    fs.files.delete(join(ROOT, 'annotations/b.md.yaml'));
    expect(await idx.updateDocument('b.md')).toBeUndefined();
    expect(idx.document('b.md')).toBeUndefined();
    expect(idx.byEntity('housing-bureau').map((r) => r.annotation.id)).toEqual(['claim001']);
    expect(await idx.saveCache()).toBe(true);
    fs.reads.clear();
    const warm = index(fs);
    expect(await warm.load()).toMatchObject({ total: 2, fromCache: 2, read: 0 });
  });

  it('drops documents whose sidecar disappeared when loading again', async () => {
    const fs = setup();
    const idx = index(fs);
    await idx.load();
    fs.files.delete(join(ROOT, 'annotations/policy/a.txt.yaml'));
    expect(await idx.load()).toMatchObject({ total: 2, removed: 1, fromCache: 2 });
    expect(idx.byId('claim001')).toEqual([]);
    expect(idx.byEntity('housing-bureau')).toEqual([]);
  });

  it('works without a cache file', async () => {
    const fs = setup();
    const idx = index(fs, { cacheFile: undefined });
    expect(await idx.load()).toMatchObject({ read: 3, cacheWritten: false });
    expect(fs.files.has(CACHE)).toBe(false);
  });
});
