// The built-in value recognisers and how their results combine.

import type { Mention, Span } from '../types';
import { countRecogniser } from './count';
import { dateRecogniser } from './date';
import { durationRecogniser } from './duration';
import { moneyRecogniser } from './money';
import { percentageRecogniser } from './percentage';
import type { ValueRecogniser } from './recogniser';

export type { ValueRecogniser } from './recogniser';

/**
 * In priority order: a span claimed by an earlier recogniser is not re-used by a later one
 * ("5 percent" is a percentage, not a count; "16 trillion yuan" is money, not a count).
 */
export const DEFAULT_VALUE_RECOGNISERS: readonly ValueRecogniser[] = [
  moneyRecogniser,
  percentageRecogniser,
  dateRecogniser,
  durationRecogniser,
  countRecogniser,
];

// Numbers inside addresses are not values (a URL's article id is not a count or a year).
const ADDRESS = /\bhttps?:\/\/\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;

/** Value mentions of `text`, non-overlapping, sorted by start. */
export function recogniseValues(text: string, recognisers: readonly ValueRecogniser[] = DEFAULT_VALUE_RECOGNISERS): Mention[] {
  // One flag per code unit: values are short, so checking a span's units is cheap, and it
  // keeps the combination linear for large documents.
  const taken = new Uint8Array(text.length);
  const claim = (span: Span) => taken.fill(1, span.start, span.end);
  const free = (span: Span) => {
    for (let i = span.start; i < span.end; i++) if (taken[i]) return false;
    return true;
  };
  for (const m of text.matchAll(ADDRESS)) claim({ start: m.index, end: m.index + m[0].length });
  const mentions: Mention[] = [];
  for (const recogniser of recognisers) {
    const spans = recogniser.find(text).sort((a, b) => a.start - b.start || b.end - a.end);
    for (const span of spans) {
      if (span.end <= span.start || !free(span)) continue;
      claim(span);
      mentions.push({
        ...span,
        text: text.slice(span.start, span.end),
        entityId: `value:${recogniser.type}`,
        type: recogniser.type,
        source: 'value',
      });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
