/** The file access the core needs; the Node implementation is in nodeFileSystem.ts, tests use an in-memory fake. */
export interface FileSystem {
  /** The file's bytes, or undefined when it does not exist. */
  readBytes(path: string): Promise<Uint8Array | undefined>;
  /** Replaces the file in one step: a reader sees the old or the new content, never a torn one. */
  writeAtomic(path: string, content: string | Uint8Array): Promise<void>;
  stat(path: string): Promise<{ size: number; mtimeMs: number } | undefined>;
}

export async function readText(fs: FileSystem, path: string): Promise<string | undefined> {
  const bytes = await fs.readBytes(path);
  return bytes === undefined ? undefined : new TextDecoder('utf-8').decode(bytes);
}
