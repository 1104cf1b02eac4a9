// Writes plain values in the block subset that blockSubset.ts reads, in the styles the sidecar
// writer's `yaml` output usually has. Used only to ask "is this kept text already this value?":
// the output always reads back as the value it was given (or is undefined), so equal text means
// equal value; where the style differs from what `yaml` wrote, the caller re-renders through `yaml`.

const PLAIN_UNSAFE = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$|\t|^(?:---|\.\.\.)|\n/;
const NON_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;
// styledScalar (store/yamlStyle.ts) double-quotes these.
const DOUBLE = /^\s|\s$|\n|[\u0000-\u0008\u000b-\u001f\u007f\u00a0\u2028\u2029\ufeff]/;

/** A scalar on the rest of a line (after `key: ` or `- `), or undefined if it cannot be written so. */
export function emitScalar(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  if (DOUBLE.test(value)) return JSON.stringify(value);
  if (!PLAIN_UNSAFE.test(value) && !NON_STRING.test(value)) return value;
  if (value.includes('"') && !value.includes("'")) return `'${value}'`;
  return JSON.stringify(value);
}

/** Where emitted text goes: a string being built, or a check against text already there. */
interface Sink {
  /** False stops the emission (the text already differs). */
  put(s: string): boolean;
}

class Builder implements Sink {
  out = '';
  put(s: string): boolean {
    this.out += s;
    return true;
  }
}

class Matcher implements Sink {
  constructor(
    private readonly text: string,
    public pos: number,
    private readonly end: number,
  ) {}
  put(s: string): boolean {
    if (this.pos + s.length > this.end || !this.text.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }
}

/** `|-` literal lines for a multi-line string, or false where the reader would not take them. */
function literal(value: string, indent: string, sink: Sink): boolean | undefined {
  if (!value.includes('\n') || value.endsWith('\n') || /^\s|[ \t]\n|[ \t]$/.test(value)) return undefined;
  for (const line of value.split('\n')) if (!sink.put(line === '' ? '\n' : `${indent}${line}\n`)) return false;
  return true;
}

/** Block mapping entries at `indent` spaces, in the pairs' order; `literalKeys` may use `|-`. */
function pairs(entries: ReadonlyArray<readonly [string, unknown]>, indent: number, literalKeys: ReadonlySet<string>, sink: Sink, firstPrefix?: string): boolean {
  const pad = ' '.repeat(indent);
  let first = true;
  for (const [key, value] of entries) {
    const lead = first && firstPrefix !== undefined ? firstPrefix : pad;
    first = false;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        if (!sink.put(`${lead}${key}: []\n`)) return false;
        continue;
      }
      if (!sink.put(`${lead}${key}:\n`)) return false;
      for (const item of value as unknown[]) {
        const s = emitScalar(item);
        if (s === undefined || !sink.put(`${pad}  - ${s}\n`)) return false;
      }
    } else if (value !== null && typeof value === 'object') {
      const nested = Object.entries(value as object);
      if (!nested.length || !sink.put(`${lead}${key}:\n`) || !pairs(nested, indent + 2, literalKeys, sink)) return false;
    } else {
      if (typeof value === 'string' && literalKeys.has(key) && value.includes('\n')) {
        const header = `${lead}${key}: |-\n`;
        if (!/^\s|[ \t]\n|[ \t]$/.test(value) && !value.endsWith('\n')) {
          if (!sink.put(header)) return false;
          if (literal(value, `${pad}  `, sink) !== true) return false;
          continue;
        }
      }
      const s = emitScalar(value);
      if (s === undefined || !sink.put(`${lead}${key}: ${s}\n`)) return false;
    }
  }
  return true;
}

/** Block mapping entries at `indent` spaces as text, or undefined if a value cannot be written so. */
export function emitPairs(entries: ReadonlyArray<readonly [string, unknown]>, indent: number, literalKeys: ReadonlySet<string>): string | undefined {
  const b = new Builder();
  return pairs(entries, indent, literalKeys, b) ? b.out : undefined;
}

/** One block-sequence item (`- ` at `indent`) holding a mapping, as text. */
export function emitItem(entries: ReadonlyArray<readonly [string, unknown]>, indent: number, literalKeys: ReadonlySet<string>): string | undefined {
  const b = new Builder();
  return entries.length && pairs(entries, indent + 2, literalKeys, b, `${' '.repeat(indent)}- `) ? b.out : undefined;
}

/** Whether text[start, end) is exactly emitItem(entries, …): compared piece by piece, nothing built. */
export function itemMatches(entries: ReadonlyArray<readonly [string, unknown]>, indent: number, literalKeys: ReadonlySet<string>, text: string, start: number, end: number): boolean {
  const m = new Matcher(text, start, end);
  return entries.length > 0 && pairs(entries, indent + 2, literalKeys, m, `${' '.repeat(indent)}- `) && m.pos === end;
}
