// DirectoryLister over node:fs: every file under a folder, for the workspace index.
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { DirectoryLister } from './directoryLister';

export const nodeLister: DirectoryLister = {
  async listFiles(dir) {
    try {
      const entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));
    } catch {
      return [];
    }
  },
};
