import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { FileSystem, readText } from '../ports/fileSystem';
import { processAlive } from '../ports/nodeFileSystem';

// A lock between cooperating writers (editor windows, the CLI, imports) on one file: an exclusively
// created `.<name>.lock` next to it, holding who took it. Check-on-disk + merge + rename then happen
// as one step between writers. A lock whose owner is gone (its process no longer runs on this
// machine, or it is older than `staleMs`) is broken; a writer re-checks that it still holds the lock
// right before it renames, so a lock broken under it makes it retry rather than overwrite.

export interface LockOwner {
  token: string;
  pid: number;
  host: string;
  /** When it was taken, ms since the epoch, by the owner's clock. */
  created: number;
}

export interface LockOptions {
  /** A lock older than this is taken to be left by a writer that died. */
  staleMs?: number;
  /** How long to wait for a live writer before giving up. */
  timeoutMs?: number;
  /** Pause between attempts (with jitter). */
  retryMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Who this writer is: tests that model several processes in one set a pid and host each. */
  identity?: { pid: number; host: string };
  /** Whether a lock's owner still runs: true/false when that can be told, undefined when not (another machine). */
  ownerAlive?: (owner: LockOwner) => boolean | undefined;
}

export const DEFAULT_LOCK_OPTIONS = { staleMs: 15_000, timeoutMs: 20_000, retryMs: 10 } as const;

/** An unreadable lock file older than this is stale: a writer fills its lock right after creating it. */
const GARBLED_GRACE_MS = 2000;

export interface HeldLock {
  readonly file: string;
  /** Throws LockLostError unless the lock file still names this writer: call right before committing. */
  verify(): Promise<void>;
}

/** Another writer held the lock for longer than the timeout. */
export class LockTimeoutError extends Error {
  readonly code = 'ELOCKED';
}

/** The lock was broken under us as stale: the caller must not commit. */
export class LockLostError extends Error {
  readonly code = 'ELOCKLOST';
}

/** `.<name>.lock` beside the file: not a .yaml, so never taken for a sidecar. */
export function lockFileFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

const localHost = hostname();

function defaultOwnerAlive(owner: LockOwner): boolean | undefined {
  return owner.host === localHost ? processAlive(owner.pid) : undefined;
}

/** Runs `fn` holding the lock of `file`; the lock is released however `fn` ends. */
export async function withFileLock<T>(fs: FileSystem, file: string, fn: (lock: HeldLock) => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = await acquireLock(fs, file, options);
  try {
    return await fn(lock);
  } finally {
    await lock.release();
  }
}

export async function acquireLock(fs: FileSystem, file: string, options: LockOptions = {}): Promise<HeldLock & { release(): Promise<void> }> {
  const staleMs = options.staleMs ?? DEFAULT_LOCK_OPTIONS.staleMs;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_OPTIONS.timeoutMs;
  const retryMs = options.retryMs ?? DEFAULT_LOCK_OPTIONS.retryMs;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const ownerAlive = options.ownerAlive ?? defaultOwnerAlive;
  const lockFile = lockFileFor(file);
  const owner: LockOwner = { token: randomUUID(), pid: options.identity?.pid ?? process.pid, host: options.identity?.host ?? localHost, created: now() };
  const deadline = now() + timeoutMs;

  for (let attempt = 0; ; attempt++) {
    owner.created = now();
    if (await fs.createExclusive(lockFile, JSON.stringify(owner))) break;
    const raw = await readText(fs, lockFile);
    if (raw === undefined) continue; // released meanwhile: try again at once
    const holder = parseOwner(raw);
    if (await isStale(fs, lockFile, holder, staleMs, now, ownerAlive)) {
      // Remove it only if it is still the lock judged stale, not one taken since.
      if ((await readText(fs, lockFile)) === raw) await fs.remove(lockFile);
      if (now() <= deadline) continue;
    }
    if (now() > deadline) {
      const who = holder ? `process ${holder.pid} on ${holder.host} since ${new Date(holder.created).toISOString()}` : 'another program';
      throw new LockTimeoutError(`${path.basename(file)} is being written by ${who}; nothing was written. Try again, or delete ${lockFile} if no other Policy Annotator is running`);
    }
    await sleep(retryMs * (1 + Math.random()) * Math.min(1 + attempt / 10, 5));
  }

  let released = false;
  return {
    file: lockFile,
    async verify() {
      const raw = await readText(fs, lockFile);
      if (parseOwner(raw ?? '')?.token !== owner.token) {
        throw new LockLostError(`the lock on ${path.basename(file)} was taken over by another writer (it judged ours stale); nothing was written, try again`);
      }
    },
    async release() {
      if (released) return;
      released = true;
      const raw = await readText(fs, lockFile).catch(() => undefined);
      if (raw !== undefined && parseOwner(raw)?.token === owner.token) await fs.remove(lockFile).catch(() => undefined);
    },
  };
}

async function isStale(fs: FileSystem, lockFile: string, holder: LockOwner | undefined, staleMs: number, now: () => number, ownerAlive: (owner: LockOwner) => boolean | undefined): Promise<boolean> {
  if (holder) {
    const alive = ownerAlive(holder);
    if (alive === false) return true;
    return now() - holder.created > staleMs;
  }
  // Empty or garbled: not written by us (ours appear filled), or by a writer that died between
  // creating and filling it on a file system without hard links. A live one fills it at once.
  const stat = await fs.stat(lockFile);
  return stat !== undefined && now() - stat.mtimeMs > Math.min(staleMs, GARBLED_GRACE_MS);
}

function parseOwner(raw: string): LockOwner | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockOwner> | null;
    if (value && typeof value.token === 'string' && typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.created === 'number') return value as LockOwner;
  } catch {
    // not ours, or not written yet
  }
  return undefined;
}
