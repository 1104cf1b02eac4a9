// Foreign files (W3C JSON, brat .ann, REFI-QDA) are read with the care hostile sidecars get: a stated size
// limit, strict UTF-8, and JSON nesting bounded before any recursive code sees it. Each refusal says where
// and what, and comes before anything is written.

/** Largest foreign file read, in bytes (a REFI-QDA project: its unpacked total, see qdpxImport). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Deepest JSON nesting read; Web Annotations need about ten levels. */
export const MAX_JSON_DEPTH = 64;

export type Decoded = { text: string } | { error: string };

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${line}:${offset - lineStart + 1}`;
}

/** The text of a foreign file, or why it is refused: too large, or not UTF-8 (with the byte offset). */
export function decodeForeign(bytes: Uint8Array, limit = MAX_IMPORT_BYTES): Decoded {
  if (bytes.length > limit) return { error: `it is ${bytes.length} bytes, more than the ${limit}-byte limit for imported files` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '') };
  } catch {
    return { error: `it is not UTF-8 text (the first bad byte is at offset ${firstBadByte(bytes)}); save it as UTF-8 and import again` };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstBadByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const size = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (!size) return i;
    for (let k = 1; k < size; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += size;
  }
  return bytes.length;
}

/** Where JSON text nests deeper than the limit, as `line:column`, or undefined. Strings are skipped. */
export function jsonTooDeep(text: string, limit = MAX_JSON_DEPTH): string | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return lineColumn(text, i);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/** JSON.parse with the position of a syntax error as line:column. */
export function parseJson(text: string): { json: unknown } | { error: string; at?: string } {
  const deep = jsonTooDeep(text);
  if (deep) return { error: `nested deeper than ${MAX_JSON_DEPTH} levels; a Web Annotation needs far fewer`, at: deep };
  try {
    return { json: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : syntaxErrorOffset(text);
    return { error: `not JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '')}`, at: lineColumn(text, offset) };
  }
}

/** Where a JSON syntax error is when the engine does not say: the longest prefix that is still the start
 * of some JSON text ends there (a prefix that is too short fails only at its own end). */
function syntaxErrorOffset(text: string): number {
  const incomplete = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (error) {
      const m = /position (\d+)/.exec((error as Error).message);
      return /end of JSON input/.test((error as Error).message) || (m !== null && Number(m[1]) >= n);
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (incomplete(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
