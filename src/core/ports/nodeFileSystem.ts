import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { FileSystem } from './fileSystem';

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
    await fsp.mkdir(path.dirname(file), { recursive: true });
    // Same folder as the target so the rename cannot cross file systems.
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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
  },

  async stat(file) {
    try {
      const s = await fsp.stat(file);
      return { size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      return undefined;
    }
  },
};
