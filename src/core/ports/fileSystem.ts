/** The file access the core needs; the Node implementation is in nodeFileSystem.ts, tests use an in-memory fake. */
export interface FileSystem {
  /** The file's bytes, or undefined when it does not exist. */
  readBytes(path: string): Promise<Uint8Array | undefined>;
  /** Replaces the file in one step: a reader sees the old or the new content, never a torn one. */
  writeAtomic(path: string, content: string | Uint8Array): Promise<void>;
  stat(path: string): Promise<{ size: number; mtimeMs: number } | undefined>;
  /**
   * Creates the file only if nothing is at `path` (O_EXCL), making missing parent folders: true
   * when it was created, false when something was already there. The building block of the
   * cross-process lock (src/core/safety/fileLock.ts). Other failures (read-only folder) throw.
   */
  createExclusive(path: string, content: string | Uint8Array): Promise<boolean>;
  /** Deletes a file; nothing happens when it is already gone. */
  remove(path: string): Promise<void>;
  /**
   * The path with every symbolic link resolved (as realpath), for the parts that exist; the rest
   * is appended unchanged, so a file about to be created resolves through its existing folders.
   */
  realPath(path: string): Promise<string>;
}

export async function readText(fs: FileSystem, path: string): Promise<string | undefined> {
  const bytes = await fs.readBytes(path);
  return bytes === undefined ? undefined : new TextDecoder('utf-8').decode(bytes);
}
