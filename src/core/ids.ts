import { randomBytes } from 'node:crypto';

// Crockford-style base32 without i, l, o, u: ids stay readable in diffs and unambiguous when read aloud.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{8}$/;

/** A new 8-character id (40 random bits) not in `taken`. */
export function newAnnotationId(taken: { has(id: string): boolean } = new Set<string>()): string {
  for (;;) {
    const bytes = randomBytes(8);
    let id = '';
    for (let i = 0; i < 8; i++) id += ALPHABET[bytes[i] & 31];
    if (!taken.has(id)) return id;
  }
}
