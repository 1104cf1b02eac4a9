// A fast reader for the plain block layout the sidecar writer produces: nested block mappings and
// sequences of plain, quoted or literal scalars, two-space indents, no comments, anchors, tags,
// flow collections (except `[]`) or blank lines. Anything else returns undefined, and the caller
// uses the full `yaml` Document path, which also locates problems. What it accepts it reads as
// `yaml` (core schema) would, and each scalar is written the way `yaml` re-renders it (so kept
// text and re-rendered text agree byte for byte).

export type PlainValue = string | number | PlainValue[] | { [key: string]: PlainValue };

export interface BlockSubset {
  value: { [key: string]: PlainValue };
  /** Offset where each top-level key's line starts. */
  keyStart: Map<string, number>;
  /** For each top-level key holding a block sequence: [start, end) offsets of each item's lines. */
  itemRanges: Map<string, Array<[number, number]>>;
}

const KEY = /^([A-Za-z][A-Za-z0-9]*):(?: (.*))?$/;
const ITEM_KEY = /^[A-Za-z][A-Za-z0-9]*:(?: |$)/;
const INT = /^(?:0|-?[1-9][0-9]{0,14})$/;
// Core-schema scalars that do not resolve to a string (yaml/dist/schema/core), less INT above.
const NON_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;
// yaml quotes a plain string that matches this (stringifyString.ts plainString); so do we refuse it.
const PLAIN_UNSAFE = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$|\t|^(?:---|\.\.\.)/;
// Outside the YAML printable set, or a line break YAML 1.1 readers see: left to the full parser.
const UNUSUAL = /[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\ud800-\udfff]|[\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DEPTH = 8;

class Fail extends Error {}
const fail = (): never => {
  throw new Fail();
};

export function parseBlockSubset(text: string): BlockSubset | undefined {
  if (!text.endsWith('\n') || text.includes('\r') || UNUSUAL.test(text)) return undefined;
  const reader = new Reader(text);
  try {
    return reader.document();
  } catch (error) {
    if (error instanceof Fail) return undefined;
    throw error;
  }
}

class Reader {
  private readonly lines: string[];
  private readonly starts: number[];
  private i = 0;
  /** Index of the last line: the empty string after the final newline. */
  private readonly last: number;

  constructor(text: string) {
    this.lines = text.split('\n');
    this.last = this.lines.length - 1;
    this.starts = new Array<number>(this.lines.length);
    let offset = 0;
    for (let k = 0; k < this.lines.length; k++) {
      this.starts[k] = offset;
      offset += this.lines[k].length + 1;
    }
  }

  document(): BlockSubset {
    const keyStart = new Map<string, number>();
    const itemRanges = new Map<string, Array<[number, number]>>();
    const value = this.mapping(0, undefined, 0, { keyStart, itemRanges });
    if (this.i !== this.last) fail();
    return { value, keyStart, itemRanges };
  }

  private indentOf(line: string): number {
    let n = 0;
    while (line.charCodeAt(n) === 32) n++;
    return n;
  }

  /** A block mapping at `indent`; `first` is an entry already read from a `- ` line. */
  private mapping(indent: number, first: string | undefined, depth: number, top?: Pick<BlockSubset, 'keyStart' | 'itemRanges'>): { [key: string]: PlainValue } {
    if (depth > MAX_DEPTH) fail();
    const out: { [key: string]: PlainValue } = {};
    let content = first;
    for (;;) {
      if (content === undefined) {
        if (this.i >= this.last) break;
        const line = this.lines[this.i];
        const n = this.indentOf(line);
        if (n < indent && line.length > n) break;
        if (n !== indent || line.length === n) fail();
        content = line.slice(indent);
        this.i++;
      }
      const m = KEY.exec(content) ?? fail();
      const key = m[1];
      if (Object.prototype.hasOwnProperty.call(out, key)) fail();
      top?.keyStart.set(key, this.starts[this.i - 1]);
      const rest = m[2];
      if (rest === undefined) out[key] = this.nested(indent, depth, key, top);
      else if (rest === '[]') out[key] = [];
      else if (rest === '|-' || rest === '|') out[key] = this.literal(indent + 2, rest === '|');
      else out[key] = scalar(rest);
      content = undefined;
    }
    return out;
  }

  /** The block collection under `key:`: a sequence (`- ` at indent + 2) or a mapping at indent + 2. */
  private nested(indent: number, depth: number, key: string, top?: Pick<BlockSubset, 'itemRanges'>): PlainValue {
    if (this.i >= this.last) fail();
    const line = this.lines[this.i];
    const n = this.indentOf(line);
    if (n !== indent + 2) fail();
    if (line.startsWith('- ', n)) {
      const ranges: Array<[number, number]> | undefined = top ? [] : undefined;
      const items = this.sequence(n, depth + 1, ranges);
      if (ranges) top!.itemRanges.set(key, ranges);
      return items;
    }
    return this.mapping(n, undefined, depth + 1);
  }

  private sequence(indent: number, depth: number, ranges?: Array<[number, number]>): PlainValue[] {
    if (depth > MAX_DEPTH) fail();
    const out: PlainValue[] = [];
    while (this.i < this.last) {
      const line = this.lines[this.i];
      const n = this.indentOf(line);
      if (n < indent && line.length > n) break;
      if (n !== indent || !line.startsWith('- ', n)) fail();
      const start = this.starts[this.i];
      const rest = line.slice(n + 2);
      this.i++;
      out.push(ITEM_KEY.test(rest) ? this.mapping(n + 2, rest, depth + 1) : scalar(rest));
      ranges?.push([start, this.starts[this.i]]);
    }
    return out;
  }

  /** A literal block scalar whose lines are indented by exactly `indent`; `clip` for `|`, else `|-`. */
  private literal(indent: number, clip: boolean): string {
    const parts: string[] = [];
    let blank = 0;
    while (this.i < this.last) {
      const line = this.lines[this.i];
      if (line === '') {
        if (!parts.length) fail();
        blank++;
        this.i++;
        continue;
      }
      const n = this.indentOf(line);
      if (n < indent) break;
      // The first line sets the indentation: more spaces there would need an indentation indicator.
      if (!parts.length && n !== indent) fail();
      for (; blank > 0; blank--) parts.push('');
      parts.push(line.slice(indent));
      this.i++;
    }
    // Trailing blank lines, or none at all, render differently: the full path decides.
    if (blank > 0 || !parts.length) fail();
    return parts.join('\n') + (clip ? '\n' : '');
  }
}

/** One scalar on the rest of a line. */
function scalar(s: string): PlainValue {
  const c = s.charCodeAt(0);
  if (c === 0x22) {
    // Double-quoted: accepted only in the JSON form the writer uses, so it is read and re-rendered as written.
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch {
      return fail();
    }
    if (typeof value !== 'string' || JSON.stringify(value) !== s) fail();
    return value as string;
  }
  if (c === 0x27) {
    // Single-quoted on one line: '' is a quote; any other quote would end the scalar early.
    if (s.length < 2 || !s.endsWith("'")) fail();
    const inner = s.slice(1, -1);
    if (inner.replace(/''/g, '').includes("'")) fail();
    return inner.replace(/''/g, "'");
  }
  if (PLAIN_UNSAFE.test(s)) fail();
  if (INT.test(s)) return Number(s);
  if (NON_STRING.test(s)) fail();
  return s;
}
