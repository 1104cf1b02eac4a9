// Counts with a unit: 4,000 registrations, five universities, 28 joint research laboratories,
// four major development directions. A count is a number (not "one") followed by at most two
// lower-case modifiers and a lower-case plural noun; names ("Three Fights") are not counts.

import { NOT_AFTER_WORD, NUMBER } from './fragments';
import { type ValueRecogniser } from './recogniser';
import type { Span } from '../types';

const CANDIDATE = new RegExp(`${NOT_AFTER_WORD}(?<number>${NUMBER})(?<words>(?:\\s[a-z][a-z-]*){1,3})`, 'gu');

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
      const groups = m.groups as { number: string; words: string };
      // The first plural noun ends the count; anything that is not a plain modifier stops it.
      let end = m.index + groups.number.length;
      let offset = end;
      for (const part of groups.words.split(/(?=\s)/)) {
        const word = part.trim();
        offset += part.length;
        if (FUNCTION_WORDS.has(word) || NOT_UNITS.has(word)) break;
        if (isPlural(word)) {
          end = offset;
          spans.push({ start: m.index, end });
          break;
        }
      }
    }
    return spans;
  },
};
