// Dates and periods: October 16, 2023 / 17 November 2018 / 2022 January / April 14 /
// April 13 to April 14 / mid-March this year / end of 2022 / By 2032 / 2016 / the 1990s.
//
// Rules: a preposition that changes what the date means (by, before, since, until, after) is
// part of the mention ("By 2032" is a deadline); "in" and "on" are not ("in 2016" -> "2016").
// Relative dates without a number ("last year", "next year", "Wednesday") are left out.

import { DAY, MONTH, NOT_AFTER_WORD, NOT_BEFORE_WORD, YEAR } from './fragments';
import { regexSpans, type ValueRecogniser } from './recogniser';

const DASH = '(?:\\s?[-\u2013\u2014]\\s?|\\s(?:to|until|through)\\s)';
const RELATIVE_YEAR = '(?:\\s(?:this|last|next) year)';

const MONTH_DAY_YEAR = `${MONTH}\\s${DAY}(?:,?\\s${YEAR})?`; // October 16, 2023 / April 14
const DAY_MONTH_YEAR = `${DAY}\\s${MONTH}(?:,?\\s${YEAR})?`; // 17 November 2018 / 17 November
const YEAR_MONTH = `${YEAR}\\s${MONTH}(?:\\s${DAY})?`; // 2022 January
const MONTH_YEAR = `${MONTH}\\s${YEAR}`; // January 2022
const ISO = `${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])`;
const DAY_DATE = `(?:${ISO}|${MONTH_DAY_YEAR}|${DAY_MONTH_YEAR}|${YEAR_MONTH}|${MONTH_YEAR})`;

const ALTERNATIVES = [
  // Ranges: April 13 to April 14, April 13-14, 13-14 April 2023, 2021-2025.
  `${DAY_DATE}${DASH}${DAY_DATE}`,
  `${MONTH}\\s${DAY}${DASH}${DAY}(?:,?\\s${YEAR})?`,
  `${DAY}${DASH}${DAY}\\s${MONTH}(?:,?\\s${YEAR})?`,
  `${YEAR}${DASH}${YEAR}`,
  DAY_DATE,
  // Parts of a month or year: mid-March this year, late March, end of 2022.
  `(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[-\\s]|(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle) of\\s)(?:${MONTH}(?:\\s${YEAR}|${RELATIVE_YEAR})?|${YEAR})`,
  `${MONTH}${RELATIVE_YEAR}`,
  // Deadlines and periods: By 2032, since 2016.
  `(?:[Bb]y|[Bb]efore|[Ss]ince|[Uu]ntil|[Aa]fter)\\s${YEAR}`,
  // Decades and bare years.
  '(?:1[89]\\d|20\\d)0s',
  YEAR,
];

const DATE = new RegExp(`${NOT_AFTER_WORD}(?:${ALTERNATIVES.join('|')})${NOT_BEFORE_WORD}`, 'gu');

export const dateRecogniser: ValueRecogniser = {
  type: 'date',
  find: (text) => regexSpans(DATE, text),
};
