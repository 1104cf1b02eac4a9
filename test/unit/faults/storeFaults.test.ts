// Faults around one save, through the FileSystem port: disk full, read-only folder, a lock held by a
// live writer, a lock left by a dead one, a lock taken over, and the interleaving that loses an
// annotation when writers do not exclude each other.
import { describe, expect, it } from 'vitest';
import { Annotation, Note, Sidecar } from '../../../src/core/model';
import { acquireLock, lockFileFor, LockLostError, LockOptions, LockTimeoutError } from '../../../src/core/safety/fileLock';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';
import { sampleSidecar } from '../store/sampleSidecar';

const DOC = 'seeds/000_d3c97eb98561e2fd.txt';
const FILE = '/ws/annotations/seeds/000_d3c97eb98561e2fd.txt.yaml';
const LOCK = lockFileFor(FILE);
const fast: LockOptions = { retryMs: 1, timeoutMs: 200, staleMs: 10_000 };

function note(id: string): Note {
  return { id, kind: 'note', anchor: { exact: 'Hong Kong', prefix: '', suffix: '', start: 0, end: 9 }, note: id, author: 'T', created: '2026-11-22T10:00:00Z', modified: '2026-11-22T10:00:00Z' };
}
const withAnnotation = (s: Sidecar, a: Annotation): Sidecar => ({ ...s, annotations: [...s.annotations, a] });
const ids = (fs: MemoryFileSystem) => readSidecar(fs.text(FILE)!, 'x').sidecar!.annotations.map((a) => a.id).sort();

/** A fake whose writes under /ws/annotations fail like a read-only mount until `readOnly` is cleared. */
class ReadOnlyFs extends MemoryFileSystem {
  readOnly = true;
  private check(path: string) {
    if (this.readOnly && path.startsWith('/ws/annotations/')) throw Object.assign(new Error(`EROFS: read-only file system, open '${path}'`), { code: 'EROFS' });
  }
  override async writeAtomic(path: string, content: string | Uint8Array) {
    this.check(path);
    return super.writeAtomic(path, content);
  }
  override async createExclusive(path: string, content: string | Uint8Array) {
    this.check(path);
    return super.createExclusive(path, content);
  }
}

/** A fake that pauses the first writeAtomic of the sidecar until `release()`: a writer stopped between its check and its rename. */
class PausingFs extends MemoryFileSystem {
  private gate: Promise<void> | undefined;
  private open!: () => void;
  paused!: Promise<void>;
  private reached!: () => void;
  /** No exclusion at all: what writers without a lock get. */
  exclusive = true;
  constructor() {
    super();
    this.gate = new Promise((r) => (this.open = r));
    this.paused = new Promise((r) => (this.reached = r));
  }
  release() {
    this.open();
  }
  override async writeAtomic(path: string, content: string | Uint8Array) {
    if (path === FILE && this.gate) {
      const gate = this.gate;
      this.gate = undefined;
      this.reached();
      await gate;
    }
    return super.writeAtomic(path, content);
  }
  override async createExclusive(path: string, content: string | Uint8Array) {
    if (!this.exclusive) {
      this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
      return true;
    }
    return super.createExclusive(path, content);
  }
}

function seeded<T extends MemoryFileSystem>(fs: T): T {
  fs.setText(FILE, writeSidecar(sampleSidecar()));
  return fs;
}

describe('a save that cannot be written', () => {
  it('on a full disk: is reported, leaves the old file and no lock, and succeeds once there is room', async () => {
    const fs = seeded(new MemoryFileSystem());
    const store = new SidecarStore(fs, '/ws');
    const base = await store.load(DOC);
    const before = fs.text(FILE);
    const ours = withAnnotation(base.read.sidecar!, note('full-disk'));
    fs.failNextWrite = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    await expect(store.save(base, ours)).rejects.toThrow(/ENOSPC/);
    expect(fs.text(FILE)).toBe(before);
    expect(fs.files.has(LOCK)).toBe(false);
    // The caller kept `ours` in memory: saving it again once there is room writes it.
    expect((await store.save(base, ours)).kind).toBe('written');
    expect(ids(fs)).toContain('full-disk');
  });

  it('in a read-only folder: is reported with the reason, writes nothing, and succeeds once writable', async () => {
    const fs = seeded(new ReadOnlyFs());
    const store = new SidecarStore(fs, '/ws');
    const base = await store.load(DOC);
    const before = fs.text(FILE);
    const ours = withAnnotation(base.read.sidecar!, note('read-only'));
    await expect(store.save(base, ours)).rejects.toThrow(/EROFS: read-only file system/);
    expect(fs.text(FILE)).toBe(before);
    fs.readOnly = false;
    expect((await store.save(base, ours)).kind).toBe('written');
    expect(ids(fs)).toContain('read-only');
  });

  it('does not even try to lock when there is nothing to write (a read-only checkout stays quiet)', async () => {
    const fs = seeded(new ReadOnlyFs());
    const store = new SidecarStore(fs, '/ws');
    const base = await store.load(DOC);
    expect((await store.save(base, base.read.sidecar!)).kind).toBe('unchanged');
  });
});

describe('the lock between writers', () => {
  it('makes a second writer wait for the first and merge, so both additions are kept', async () => {
    const fs = seeded(new PausingFs());
    const a = new SidecarStore(fs, '/ws', 'annotations', { lock: { ...fast, identity: { pid: 1, host: 'h' }, ownerAlive: () => true } });
    const b = new SidecarStore(fs, '/ws', 'annotations', { lock: { ...fast, identity: { pid: 2, host: 'h' }, ownerAlive: () => true, timeoutMs: 5000 } });
    const baseA = await a.load(DOC);
    const baseB = await b.load(DOC);
    const savingA = a.save(baseA, withAnnotation(baseA.read.sidecar!, note('from-a')));
    await fs.paused; // A has checked the file and is about to rename
    const savingB = b.save(baseB, withAnnotation(baseB.read.sidecar!, note('from-b')));
    await new Promise((r) => setTimeout(r, 20));
    fs.release();
    expect((await savingA).kind).toBe('written');
    expect((await savingB).kind).toBe('merged');
    expect(ids(fs)).toEqual(expect.arrayContaining(['from-a', 'from-b']));
  });

  it('is what prevents the loss: without exclusion the same interleaving loses an annotation', async () => {
    const fs = seeded(new PausingFs());
    fs.exclusive = false;
    const a = new SidecarStore(fs, '/ws', 'annotations', { lock: fast });
    const b = new SidecarStore(fs, '/ws', 'annotations', { lock: fast });
    const baseA = await a.load(DOC);
    const baseB = await b.load(DOC);
    const savingA = a.save(baseA, withAnnotation(baseA.read.sidecar!, note('from-a')));
    await fs.paused;
    await b.save(baseB, withAnnotation(baseB.read.sidecar!, note('from-b')));
    fs.release();
    await savingA.catch(() => undefined);
    expect(ids(fs)).not.toContain('from-b');
  });

  it('breaks a lock whose process is gone at once', async () => {
    const fs = seeded(new MemoryFileSystem());
    fs.setText(LOCK, JSON.stringify({ token: 'dead', pid: 4242, host: 'h', created: Date.now() }));
    const store = new SidecarStore(fs, '/ws', 'annotations', { lock: { ...fast, ownerAlive: (o) => o.pid !== 4242 } });
    const base = await store.load(DOC);
    expect((await store.save(base, withAnnotation(base.read.sidecar!, note('after-crash')))).kind).toBe('written');
    expect(fs.files.has(LOCK)).toBe(false);
  });

  it('breaks a lock older than staleMs when its owner cannot be asked (another machine)', async () => {
    const fs = seeded(new MemoryFileSystem());
    fs.setText(LOCK, JSON.stringify({ token: 'old', pid: 1, host: 'elsewhere', created: Date.now() - 60_000 }));
    const store = new SidecarStore(fs, '/ws', 'annotations', { lock: { ...fast, staleMs: 30_000, ownerAlive: () => undefined } });
    const base = await store.load(DOC);
    expect((await store.save(base, withAnnotation(base.read.sidecar!, note('stale-lock')))).kind).toBe('written');
  });

  it('breaks an empty lock file only once it is older than a moment', async () => {
    const fs = seeded(new MemoryFileSystem());
    fs.setText(LOCK, '');
    let now = 1_000_000;
    const stat = fs.stat.bind(fs);
    fs.stat = async (p) => (p === LOCK ? { size: 0, mtimeMs: 1_000_000 } : stat(p));
    const options: LockOptions = { ...fast, timeoutMs: 10_000, now: () => now, sleep: async () => void (now += 100) };
    const lock = await acquireLock(fs, FILE, options);
    expect(now - 1_000_000).toBeGreaterThan(1000); // waited, then broke it
    await lock.release();
    expect(fs.files.has(LOCK)).toBe(false);
  });

  it('gives up on a live writer after the timeout with a message naming it, writing nothing', async () => {
    const fs = seeded(new MemoryFileSystem());
    fs.setText(LOCK, JSON.stringify({ token: 'live', pid: 77, host: 'h', created: Date.now() }));
    const store = new SidecarStore(fs, '/ws', 'annotations', { lock: { ...fast, ownerAlive: () => true } });
    const base = await store.load(DOC);
    const before = fs.text(FILE);
    const error = await store.save(base, withAnnotation(base.read.sidecar!, note('blocked'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect((error as Error).message).toMatch(/being written by process 77 on h .*delete .*\.lock/);
    expect(fs.text(FILE)).toBe(before);
    expect(fs.files.has(LOCK)).toBe(true); // not ours to remove
  });

  it('does not write when its lock was taken over meanwhile (judged stale by another writer)', async () => {
    const fs = seeded(new MemoryFileSystem());
    const read = fs.readBytes.bind(fs);
    // Right after our check of the sidecar, someone breaks our lock and takes it.
    fs.readBytes = async (p) => {
      const bytes = await read(p);
      if (p === FILE && fs.files.has(LOCK)) fs.setText(LOCK, JSON.stringify({ token: 'thief', pid: 9, host: 'h', created: Date.now() }));
      return bytes;
    };
    const store = new SidecarStore(fs, '/ws', 'annotations', { lock: fast });
    const base = await store.load(DOC);
    const before = fs.text(FILE);
    await expect(store.save(base, withAnnotation(base.read.sidecar!, note('lost-lock')))).rejects.toBeInstanceOf(LockLostError);
    expect(fs.text(FILE)).toBe(before);
    expect(JSON.parse(fs.text(LOCK)!).token).toBe('thief'); // theirs is left alone
  });

  it('is released when the save fails for any reason', async () => {
    const fs = seeded(new MemoryFileSystem());
    const store = new SidecarStore(fs, '/ws');
    const base = await store.load(DOC);
    fs.failNextWrite = new Error('EIO: i/o error');
    await expect(store.save(base, withAnnotation(base.read.sidecar!, note('eio')))).rejects.toThrow(/EIO/);
    expect(fs.files.has(LOCK)).toBe(false);
  });
});

describe('what the store writes', () => {
  it('is never a file its own reader would refuse (which would then block every writer until fixed by hand)', async () => {
    const fs = seeded(new MemoryFileSystem());
    const store = new SidecarStore(fs, '/ws');
    const base = await store.load(DOC);
    const before = fs.text(FILE);
    const invalid = [
      { ...base.read.sidecar!, fingerprint: '' },
      withAnnotation(base.read.sidecar!, { ...note('empty-quote'), anchor: { exact: '', prefix: '', suffix: '', start: 5, end: 5 } }),
      withAnnotation(base.read.sidecar!, { ...note('bad-id'), id: 'Bad Id' }),
      withAnnotation(base.read.sidecar!, note(base.read.sidecar!.annotations[0].id)),
    ];
    for (const sidecar of invalid) {
      await expect(store.save(base, sidecar)).rejects.toThrow(/was not written: the result would not be a valid sidecar \(line \d+: /);
      expect(fs.text(FILE)).toBe(before);
      expect(fs.files.has(LOCK)).toBe(false);
    }
  });
});
