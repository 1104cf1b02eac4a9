import type { Mention, Span } from '../types';

/**
 * Finds names that are not in the catalogue yet. Implementations: the built-in heuristic
 * (`heuristicCandidateFinder`), or an NLP-backed one loaded lazily by the host.
 */
export interface CandidateFinder {
  readonly name: string;
  /**
   * Candidate mentions of `text` (source 'candidate'), not overlapping `taken` (the catalogue
   * and value mentions already found, sorted by start).
   */
  find(text: string, taken: readonly Span[]): Mention[];
}

/** Suggested catalogue id for a candidate: "Shanghai Lingang Group" -> "shanghai-lingang-group". */
export function suggestId(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u2019']s$/u, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed'
  );
}

/** A candidate mention for `text[start, end)`. */
export function candidateMention(text: string, start: number, end: number): Mention {
  const surface = text.slice(start, end);
  return { start, end, text: surface, entityId: `candidate:${suggestId(surface)}`, type: 'unknown', source: 'candidate' };
}

/** Does [start, end) overlap any of the sorted `spans`? */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo].start < end;
}
