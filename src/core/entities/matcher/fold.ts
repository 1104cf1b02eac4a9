// Character folding used while matching names: the text is compared in folded form, but offsets
// are always reported in the original text. Folding maps one UTF-16 code unit to at most one,
// so it can be a 64K lookup table instead of a per-character function call.
//
// - quotation marks and apostrophes (straight, curly, guillemets, primes) are ignored, so
//   “14th Five-year” Plan matches 14th Five-Year Plan and People’s matches People's;
// - zero-width characters, soft hyphens and BOMs are ignored;
// - every kind of white space (NBSP, line breaks, thin spaces...) is a space, and the matcher
//   collapses runs of spaces to one;
// - hyphens, en and em dashes and minus signs are '-';
// - the case-insensitive table also lower-cases (only where that keeps one code unit).

/** Folded value of a code unit that is ignored altogether. U+FFFF is a non-character. */
export const SKIP = 0xffff;
export const SPACE = 0x20;
export const HYPHEN = 0x2d;

const IGNORED = [
  0x22, 0x27, 0x60, 0xab, 0xbb, 0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x2018, 0x2019, 0x201a, 0x201b,
  0x201c, 0x201d, 0x201e, 0x201f, 0x2032, 0x2033, 0x2039, 0x203a, 0xff02, 0xff07, 0xffff,
];
const SPACES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];
const DASHES = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d];

function buildTable(lower: boolean): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    let folded = c;
    // Surrogates stay as they are: astral characters are compared exactly.
    if (lower && (c < 0xd800 || c > 0xdfff)) {
      const l = String.fromCharCode(c).toLowerCase();
      if (l.length === 1) folded = l.charCodeAt(0);
    }
    table[c] = folded;
  }
  for (const c of IGNORED) table[c] = SKIP;
  for (const c of SPACES) table[c] = SPACE;
  for (const c of DASHES) table[c] = HYPHEN;
  return table;
}

let lowerTable: Uint16Array | undefined;
let exactTable: Uint16Array | undefined;

/** Case-insensitive fold table (built on first use, about 2 ms). */
export function foldLowerTable(): Uint16Array {
  return (lowerTable ??= buildTable(true));
}

/** Fold table that keeps case. */
export function foldExactTable(): Uint16Array {
  return (exactTable ??= buildTable(false));
}

/** Folds `text[start, end)`: ignorable characters dropped, white-space runs collapsed, no leading/trailing space. */
export function foldString(text: string, table: Uint16Array, start = 0, end = text.length): string {
  const out: number[] = [];
  let prevSpace = true;
  for (let i = start; i < end; i++) {
    const f = table[text.charCodeAt(i)];
    if (f === SKIP) continue;
    if (f === SPACE) {
      if (prevSpace) continue;
      prevSpace = true;
    } else prevSpace = false;
    out.push(f);
  }
  if (out.length && out[out.length - 1] === SPACE) out.pop();
  let s = '';
  for (let i = 0; i < out.length; i += 4096) s += String.fromCharCode(...out.slice(i, i + 4096));
  return s;
}
