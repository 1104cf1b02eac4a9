// Word characters for boundary checks: Unicode letters, digits and combining marks.
// A name must not start or end inside a word ("Sit" is not found in "Situation").

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Per BMP code unit: 1 = word character, 0 = not, 2 = surrogate (decide on the code point). */
export const WORD_UNIT_SURROGATE = 2;
let unitTable: Uint8Array | undefined;

/** The lookup table (built on first use, about 5 ms). */
export function wordUnitTable(): Uint8Array {
  if (unitTable) return unitTable;
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c >= 0xd800 && c <= 0xdfff ? WORD_UNIT_SURROGATE : WORD.test(String.fromCharCode(c)) ? 1 : 0;
  return (unitTable = table);
}

function isWordCodePoint(cp: number): boolean {
  return cp < 0x10000 ? wordUnitTable()[cp] === 1 : WORD.test(String.fromCodePoint(cp));
}

/** Is the character that ends just before `index` a word character? */
export function wordCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const c = text.charCodeAt(index - 1);
  if (c >= 0xdc00 && c <= 0xdfff && index >= 2) {
    const h = text.charCodeAt(index - 2);
    if (h >= 0xd800 && h <= 0xdbff) return isWordCodePoint(((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000);
  }
  return isWordCodePoint(c);
}

/** Is the character that starts at `index` a word character? */
export function wordCharAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  return isWordCodePoint(text.codePointAt(index) ?? 0);
}
