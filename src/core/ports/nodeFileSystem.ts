import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { FileSystem } from './fileSystem';

/** A temp file of a writer that died (SIGKILL, power cut) is removed by the next write once it is this old, or at once when its process is gone. */
export const STRAY_TEMP_AGE_MS = 10 * 60 * 1000;

export const nodeFileSystem: FileSystem = {
  async readBytes(file) {
    try {
      return await fsp.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },

  async writeAtomic(file, content) {
    const dir = path.dirname(file);
    await fsp.mkdir(dir, { recursive: true });
    // Same folder as the target so the rename cannot cross file systems. The name never ends in
    // .yaml, so a leftover is never taken for a sidecar or a catalogue.
    const temp = path.join(dir, tempName(path.basename(file), process.pid));
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await fsp.open(temp, 'wx', 0o644);
      await handle.writeFile(content);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await fsp.rename(temp, file);
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await fsp.rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
    await syncFolder(dir);
    await removeStrayTemps(dir, path.basename(file));
  },

  async stat(file) {
    try {
      const s = await fsp.stat(file);
      return { size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      return undefined;
    }
  },

  async createExclusive(file, content) {
    const dir = path.dirname(file);
    await fsp.mkdir(dir, { recursive: true });
    // Filled first, then linked into place: the file appears with its content or not at all, so a
    // writer killed midway never leaves an empty lock that nobody can tell from a live one.
    const temp = path.join(dir, tempName(path.basename(file), process.pid));
    await fsp.writeFile(temp, content, { flag: 'wx', mode: 0o644 });
    try {
      await fsp.link(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code ?? '')) throw error;
      return createByOpen(file, content); // a file system without hard links
    } finally {
      await fsp.rm(temp, { force: true }).catch(() => undefined);
    }
    await removeStrayTemps(dir, path.basename(file));
    return true;
  },

  async remove(file) {
    try {
      await fsp.unlink(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  },

  async realPath(file) {
    const absolute = path.resolve(file);
    try {
      return await fsp.realpath(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = path.dirname(absolute);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === absolute) throw error;
      return path.join(await nodeFileSystem.realPath(parent), path.basename(absolute));
    }
  },
};

async function createByOpen(file: string, content: string | Uint8Array): Promise<boolean> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

/** `.<name>.<pid>.<random>.tmp`, next to the file it will replace. */
export function tempName(base: string, pid: number): string {
  return `.${base}.${pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/** The pid in a temp file name of `base`, or undefined when `name` is not one. */
export function tempOwner(name: string, base: string): number | undefined {
  const prefix = `.${base}.`;
  if (!name.startsWith(prefix)) return undefined;
  const m = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
  return m ? Number(m[1]) : undefined;
}

/** Makes the rename itself durable (POSIX); folders cannot be opened for that on Windows. */
async function syncFolder(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch {
    // not supported here: the rename is still atomic, only its durability is up to the OS
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Temp files of `base` left by a writer that was killed between writing and renaming. */
export async function removeStrayTemps(dir: string, base: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = tempOwner(name, base);
    if (pid === undefined || pid === process.pid) continue;
    const file = path.join(dir, name);
    const stat = await fsp.lstat(file).catch(() => undefined);
    if (!stat?.isFile()) continue;
    if (processAlive(pid) && now - stat.mtimeMs < STRAY_TEMP_AGE_MS) continue;
    await fsp.rm(file, { force: true }).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

/** Whether a process with this pid runs on this machine (EPERM: it does, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
