import { FileSystem } from '../../../src/core/ports/fileSystem';

/** In-memory FileSystem for core tests; `failNextWrite` simulates a full disk or a read-only folder. */
export class MemoryFileSystem implements FileSystem {
  readonly files = new Map<string, Uint8Array>();
  failNextWrite: Error | undefined;
  writes = 0;

  setText(path: string, text: string): void {
    this.files.set(path, new TextEncoder().encode(text));
  }

  text(path: string): string | undefined {
    const bytes = this.files.get(path);
    return bytes && new TextDecoder().decode(bytes);
  }

  async readBytes(path: string): Promise<Uint8Array | undefined> {
    return this.files.get(path);
  }

  async writeAtomic(path: string, content: string | Uint8Array): Promise<void> {
    if (this.failNextWrite) {
      const error = this.failNextWrite;
      this.failNextWrite = undefined;
      throw error;
    }
    this.writes++;
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  async stat(path: string): Promise<{ size: number; mtimeMs: number } | undefined> {
    const bytes = this.files.get(path);
    return bytes && { size: bytes.length, mtimeMs: 0 };
  }
}
