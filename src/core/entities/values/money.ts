// Money: HKD130 billion, HK$10 billion, US$3 million, RMB 5 billion, $2.22 trillion,
// HK$500m, 16 trillion yuan, 200 million Hong Kong dollars.
// A currency conversion in brackets straight after an amount is part of the same mention:
// "16 trillion yuan ($2.22 trillion)" is one amount stated twice.

import { DIGITS, NOT_AFTER_WORD, NOT_BEFORE_WORD, SCALE } from './fragments';
import { regexSpans, type ValueRecogniser } from './recogniser';

const PREFIX = String.raw`(?:HK\$|US\$|NT\$|S\$|A\$|C\$|RMB|HKD|USD|CNY|EUR|GBP|JPY|MOP|\$|€|£|¥)`;
const SUFFIX = String.raw`(?:Hong Kong dollars|US dollars|dollars|yuan|renminbi|euros|pounds|yen|patacas|HKD|USD|RMB|CNY)`;
// Scale words may follow after a space; the short forms m and k only attached (HK$500m).
const AMOUNT = `(?:${DIGITS})(?:\\s?${SCALE}${NOT_BEFORE_WORD}|[mk]${NOT_BEFORE_WORD}|${NOT_BEFORE_WORD})`;

const PREFIXED = `${PREFIX}\\s?${AMOUNT}`;
const SUFFIXED = `${NOT_AFTER_WORD}${AMOUNT}\\s${SUFFIX}${NOT_BEFORE_WORD}`;
const ONE = `(?:${NOT_AFTER_WORD}${PREFIXED}|${SUFFIXED})`;
const MONEY = new RegExp(`${ONE}(?:\\s?\\(\\s?(?:${PREFIXED}|${AMOUNT}\\s${SUFFIX})\\s?\\))?`, 'gu');

export const moneyRecogniser: ValueRecogniser = {
  type: 'money',
  find: (text) => regexSpans(MONEY, text),
};
