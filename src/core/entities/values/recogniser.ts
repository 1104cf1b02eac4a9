import type { Span, ValueType } from '../types';

/** A regex-based recogniser of one kind of value. */
export interface ValueRecogniser {
  type: ValueType;
  /** Spans in `text`, in any order; they may overlap (the caller keeps the first, longest). */
  find(text: string): Span[];
}

/** Runs a global regex and returns the span of group `group` of every match (or the whole match). */
export function regexSpans(pattern: RegExp, text: string, group?: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(pattern)) {
    if (group === undefined) spans.push({ start: m.index, end: m.index + m[0].length });
    else {
      const g = m.indices?.groups?.[group];
      if (g) spans.push({ start: g[0], end: g[1] });
    }
  }
  return spans;
}
