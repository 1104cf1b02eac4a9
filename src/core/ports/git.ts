import { execFile } from 'node:child_process';

/** What the core asks of git. Restricted Mode gets `noGit`, which runs nothing. */
export interface Git {
  /** The bytes of a blob in the object store of the repository around `dir`, or undefined. */
  readBlob(dir: string, blobId: string): Promise<Uint8Array | undefined>;
  /** Writes the bytes to the object store (as `git hash-object -w`), returning the blob id, or undefined outside a repository. */
  storeBlob(dir: string, bytes: Uint8Array): Promise<string | undefined>;
  userName(dir: string): Promise<string | undefined>;
}

export const noGit: Git = {
  readBlob: async () => undefined,
  storeBlob: async () => undefined,
  userName: async () => undefined,
};

function run(executable: string, dir: string, args: string[], input?: Uint8Array): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const child = execFile(executable, args, { cwd: dir, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : stdout);
    });
    child.on('error', () => resolve(undefined));
    // Outside a repository git exits before reading stdin; the broken pipe is that same failure.
    child.stdin?.on('error', () => undefined);
    if (input) child.stdin?.end(Buffer.from(input));
  });
}

export function gitCli(executable = 'git'): Git {
  return {
    async readBlob(dir, blobId) {
      if (!/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(blobId)) return undefined;
      return run(executable, dir, ['cat-file', 'blob', blobId]);
    },
    async storeBlob(dir, bytes) {
      const out = await run(executable, dir, ['hash-object', '-w', '--no-filters', '--stdin'], bytes);
      return out?.toString('utf8').trim() || undefined;
    },
    async userName(dir) {
      const out = await run(executable, dir, ['config', 'user.name']);
      return out?.toString('utf8').trim() || undefined;
    },
  };
}
