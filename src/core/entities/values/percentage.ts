// Percentages: 1 percent, 20 per cent, 5%, 3.5 percentage points, ten percent.
// The base is not part of the mention: in "5 percent of the local GDP" the value is
// "5 percent"; what it is a share of is ordinary text (and may be a catalogue mention).

import { NOT_AFTER_WORD, NOT_BEFORE_WORD, NUMBER } from './fragments';
import { regexSpans, type ValueRecogniser } from './recogniser';

const PERCENT = new RegExp(`${NOT_AFTER_WORD}${NUMBER}(?:\\s?%|\\s(?:percentage points?|per ?cent)${NOT_BEFORE_WORD})`, 'gu');

export const percentageRecogniser: ValueRecogniser = {
  type: 'percentage',
  find: (text) => regexSpans(PERCENT, text),
};
