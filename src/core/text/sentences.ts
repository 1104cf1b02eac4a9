import type { Span } from '../anchoring/types';

// Titles and abbreviations after which ICU's sentence segmenter wrongly breaks ("Mr. Sit said…").
const ABBREVIATION = /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|vs|etc|e\.g|i\.e|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Sen|Rep|Inc|Ltd|Co|Corp|[A-Z])\.\s*$/;

/** The paragraph (line) around an offset: policy documents keep each paragraph on one line. */
export function paragraphAt(text: string, offset: number): Span {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const newline = text.indexOf('\n', offset);
  return { start, end: newline < 0 ? text.length : newline };
}

/** Sentence spans (without trailing white space) of the paragraph that holds `offset`. */
export function sentencesAround(text: string, offset: number): Span[] {
  const paragraph = paragraphAt(text, offset);
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const spans: Span[] = [];
  for (const { segment, index } of segmenter.segment(text.slice(paragraph.start, paragraph.end))) {
    const start = paragraph.start + index;
    const end = start + segment.trimEnd().length;
    const previous = spans[spans.length - 1];
    if (previous && ABBREVIATION.test(text.slice(previous.start, previous.end))) previous.end = end;
    else if (end > start) spans.push({ start, end });
  }
  return spans;
}

/**
 * Widens a selection to whole sentences: coders agree on sentences more than on arbitrary spans.
 * A selection across paragraphs is only trimmed, since a claim rarely spans paragraphs.
 */
export function snapToSentences(text: string, start: number, end: number): Span {
  const trimmed = trimSpan(text, start, end);
  if (trimmed.end <= trimmed.start) return trimmed;
  const last = Math.max(trimmed.start, trimmed.end - 1);
  if (paragraphAt(text, trimmed.start).start !== paragraphAt(text, last).start) return trimmed;
  const sentences = sentencesAround(text, trimmed.start);
  const first = sentences.find((s) => s.end > trimmed.start) ?? trimmed;
  const final = sentences.find((s) => s.end >= trimmed.end) ?? sentences[sentences.length - 1] ?? trimmed;
  return { start: Math.min(first.start, trimmed.start), end: Math.max(final.end, trimmed.end) };
}

/** The span without leading and trailing white space. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
