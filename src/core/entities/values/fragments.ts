// Regex fragments shared by the value recognisers (source strings, combined with the `u` flag).

/** Not preceded by a letter or digit (a value does not start inside a word or number). */
export const NOT_AFTER_WORD = String.raw`(?<![\p{L}\p{N}])`;
/** Not followed by a letter or digit. */
export const NOT_BEFORE_WORD = String.raw`(?![\p{L}\p{N}])`;

/** 4,000 / 2.22 / 130 (not the 14 of 14th: callers add NOT_BEFORE_WORD). */
export const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

const SMALL = 'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/** Number words from two up (one is singular: "one field" is not a count). */
export const NUMBER_WORDS = `(?:(?:${TENS})(?:-(?:one|${SMALL}))?|${SMALL}|a hundred|a thousand)`;
/** Number words with one. */
export const NUMBER_WORDS_WITH_ONE = `(?:one|${NUMBER_WORDS})`;

/** A number in digits or words, e.g. 10, 4,000, five, twenty-five. Use with the `i` flag off: words are lower case or capitalised. */
export const NUMBER = `(?:(?:${DIGITS})${NOT_BEFORE_WORD}|${capitalisable(NUMBER_WORDS_WITH_ONE)}${NOT_BEFORE_WORD})`;

export const SCALE = String.raw`(?:thousand|million|billion|trillion|bn|mn)`;

export const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
export const DAY = String.raw`(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?`;
export const YEAR = String.raw`(?:1[89]\d\d|20\d\d)`;

/** "five" also as "Five" (sentence or heading start). */
export function capitalisable(words: string): string {
  return words.replace(/\b([a-z])/g, (_, c: string) => `[${c}${c.toUpperCase()}]`);
}
