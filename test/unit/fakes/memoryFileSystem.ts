import { FileSystem } from '../../../src/core/ports/fileSystem';

/** In-memory FileSystem for core tests; `failNextWrite` simulates a full disk or a read-only folder. */
export class MemoryFileSystem implements FileSystem {
  readonly files = new Map<string, Uint8Array>();
  /** Symbolic links to folders: link path → the path it points to (absolute). */
  readonly links = new Map<string, string>();
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

  async createExclusive(path: string, content: string | Uint8Array): Promise<boolean> {
    if (this.files.has(path)) return false;
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    return true;
  }

  async remove(path: string): Promise<void> {
    this.files.delete(path);
  }

  async realPath(path: string): Promise<string> {
    for (let depth = 0; depth < 40; depth++) {
      const link = [...this.links.keys()].find((l) => path === l || path.startsWith(l + '/'));
      if (!link) return path;
      path = this.links.get(link)! + path.slice(link.length);
    }
    throw Object.assign(new Error(`ELOOP: too many symbolic links: ${path}`), { code: 'ELOOP' });
  }
}
