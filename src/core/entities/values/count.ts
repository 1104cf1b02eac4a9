// Counts with a unit: 4,000 registrations, five universities, 28 joint research laboratories,
// three international innovation and technology centers. A count is a number (not "one")
// followed by at most four lower-case modifiers ("and" only between two of them) and a
// lower-case plural noun. Names ("Three Fights") and rankings ("top 100 universities") are
// not counts.

import { NOT_AFTER_WORD, NUMBER } from './fragments';
import { type ValueRecogniser } from './recogniser';
import type { Span } from '../types';

const CANDIDATE = new RegExp(`${NOT_AFTER_WORD}(?<number>${NUMBER})(?<words>(?:\\s[a-z][a-z-]*){1,5})`, 'gu');
const RANKING = /\b(?:top|first|last|bottom)\s$/i;

// Words that cannot be part of "<number> <modifiers> <plural noun>".
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor of to in on at for with by from as into onto than then that which who whom whose this these those ' +
    'is are was were be been being has have had do does did will would can could may might must shall should ' +
    'more most less least per not no so such very also only just about over under up down out off'
  ).split(' '),
);
const NOT_PLURAL = new Set('this his its was has does is as us yes thus plus less unless across various whereas perhaps always besides towards news series'.split(' '));
const IRREGULAR_PLURALS = new Set(['people', 'children', 'women', 'men', 'staff', 'personnel']);
const NOT_UNITS = new Set(['percent', 'cent', 'years', 'months', 'weeks', 'days', 'hours', 'decades', 'million', 'billion', 'trillion', 'thousand']);

function isPlural(word: string): boolean {
  if (IRREGULAR_PLURALS.has(word)) return true;
  return word.length >= 3 && word.endsWith('s') && !/(?:ss|us|is|ous)$/.test(word) && !NOT_PLURAL.has(word) && !FUNCTION_WORDS.has(word);
}

export const countRecogniser: ValueRecogniser = {
  type: 'count',
  find(text) {
    const spans: Span[] = [];
    for (const m of text.matchAll(CANDIDATE)) {
      if (RANKING.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
      const groups = m.groups as { number: string; words: string };
      // The first plural noun ends the count; anything that is not a plain modifier stops it.
      let offset = m.index + groups.number.length;
      const words = groups.words.split(/(?=\s)/);
      for (let k = 0; k < words.length; k++) {
        const word = words[k].trim();
        offset += words[k].length;
        const innerAnd = word === 'and' && k > 0 && k < words.length - 1;
        if ((FUNCTION_WORDS.has(word) && !innerAnd) || NOT_UNITS.has(word)) break;
        if (k > 3 && !isPlural(word)) break;
        if (isPlural(word)) {
          spans.push({ start: m.index, end: offset });
          break;
        }
      }
    }
    return spans;
  },
};
