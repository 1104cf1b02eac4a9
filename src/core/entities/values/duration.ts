// Durations: the past 40 years, the next 10 to 15 years, five to ten years, three short years,
// two decades. Approximations before the number ("more than", "about") are not part of it.
// Compound adjectives ("a 10-year plan", "Five-year Plan") are not durations.

import { NOT_AFTER_WORD, NOT_BEFORE_WORD, NUMBER } from './fragments';
import { regexSpans, type ValueRecogniser } from './recogniser';

const UNIT = '(?:[Yy]ears?|[Mm]onths?|[Ww]eeks?|[Dd]ays?|[Hh]ours?|[Dd]ecades?|[Cc]entur(?:y|ies))';
const ADJECTIVE = '(?:short|long|full|consecutive|straight)';
const DURATION = new RegExp(
  `${NOT_AFTER_WORD}${NUMBER}(?:\\s?[-\u2013]\\s?${NUMBER}|\\s(?:to|or)\\s${NUMBER})?(?:\\s${ADJECTIVE})?\\s${UNIT}${NOT_BEFORE_WORD}`,
  'gu',
);

export const durationRecogniser: ValueRecogniser = {
  type: 'duration',
  find: (text) => regexSpans(DURATION, text),
};
