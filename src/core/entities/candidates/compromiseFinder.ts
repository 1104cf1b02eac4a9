import nlp from 'compromise';
import type { Mention, Span } from '../types';
import { type CandidateFinder, candidateMention, overlapsAny } from './finder';
import { heuristicCandidateFinder } from './heuristic';

// Candidate names from the NLP library compromise (people, organisations, places, acronyms), then the
// built-in heuristic for capitalised names compromise does not tag. Built as its own bundle
// (dist/nlp.js): the editor loads it on first use, never while activating.

interface MatchJson {
  offset?: { start: number; length: number };
}

const WORD_EDGE = /[\p{L}\p{N}]/u;
const END_EDGE = /[\p{L}\p{N})]/u;

/** compromise's matches keep adjacent punctuation ("Lisbon.", "“Dr. Chan "): trim it off. */
function trimmed(text: string, match: MatchJson): Span | undefined {
  if (!match.offset) return undefined;
  let start = match.offset.start;
  let end = start + match.offset.length;
  while (start < end && !WORD_EDGE.test(text[start])) start++;
  while (end > start && !END_EDGE.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/** compromise is thorough but slow (about 5 ms per 1,000 characters) and synchronous: it reads paragraph by paragraph, skips very long ones, and stops after a time budget, leaving the rest to the heuristic. */
export const NLP_BUDGET_MS = 100;
export const NLP_MAX_PARAGRAPH = 5_000;

export const compromiseCandidateFinder: CandidateFinder = {
  name: 'compromise',
  find(text: string, taken: readonly Span[]): Mention[] {
    const spans: Span[] = [];
    const deadline = performance.now() + NLP_BUDGET_MS;
    for (let start = 0; start < text.length && performance.now() < deadline; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end - start <= NLP_MAX_PARAGRAPH && /\S/.test(text.slice(start, end))) {
        const paragraph = text.slice(start, end);
        const doc = nlp(paragraph);
        for (const selection of [doc.people(), doc.organizations(), doc.places(), doc.acronyms()]) {
          for (const match of selection.json({ offset: true }) as MatchJson[]) {
            const span = trimmed(paragraph, match);
            if (span) spans.push({ start: span.start + start, end: span.end + start });
          }
        }
      }
      start = end + 1;
    }
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    const found: Mention[] = [];
    let lastEnd = -1;
    for (const s of spans) {
      if (s.start < lastEnd || overlapsAny(taken, s.start, s.end)) continue;
      found.push(candidateMention(text, s.start, s.end));
      lastEnd = s.end;
    }
    // The heuristic fills in what compromise does not tag (or did not reach), never overlapping it.
    const covered = [...taken, ...found].sort((a, b) => a.start - b.start);
    const extra = heuristicCandidateFinder.find(text, covered);
    return [...found, ...extra].sort((a, b) => a.start - b.start);
  },
};
