import { createHash } from 'node:crypto';

/**
 * The git blob id of a file's bytes: sha1 of `blob <byteLength>\0` followed by the bytes,
 * which is what `git hash-object --no-filters` prints. It is taken over the raw bytes (BOM and
 * CRLF included), so the old text can be fetched back from git with `git cat-file blob <id>`.
 * A string is hashed as its UTF-8 encoding.
 */
export function fingerprint(content: Uint8Array | string): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
