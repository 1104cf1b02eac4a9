import type { TextChange } from '../anchoring/types';
import { type LineSource, textOfLines } from './lineSource';
import type { Mention, Span } from './types';

// Host-free bookkeeping for keeping a document's mentions current between scans.

/**
 * Applies changes (in order, normalised offsets) to sorted mentions, in place: mentions after a
 * change move, mentions it touches are dropped. Returns the region the changes touched, in the
 * new text, merged with `dirty` (a region already waiting for a rescan).
 */
export function shiftMentions(mentions: Mention[], changes: readonly TextChange[], dirty?: Span): Span | undefined {
  let region = dirty;
  for (const change of changes) {
    const delta = change.text.length - (change.end - change.start);
    let write = firstEndingAfter(mentions, change.start);
    let read = write;
    for (; read < mentions.length; read++) {
      const m = mentions[read];
      // An insertion at its very start moves it; a change that reaches inside drops it.
      if (m.start >= change.end) {
        m.start += delta;
        m.end += delta;
        mentions[write++] = m;
      }
    }
    mentions.length = write;
    if (region) region = { start: mapOffset(region.start, change, delta), end: mapOffset(region.end, change, delta) };
    const touched = { start: change.start, end: change.start + change.text.length };
    region = region ? { start: Math.min(region.start, touched.start), end: Math.max(region.end, touched.end) } : touched;
  }
  return region;
}

function mapOffset(offset: number, change: TextChange, delta: number): number {
  if (offset <= change.start) return offset;
  if (offset >= change.end) return offset + delta;
  return change.start + change.text.length;
}

/** Index of the first mention whose end lies after `offset` (mentions sorted, non-overlapping). */
export function firstEndingAfter(mentions: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The mention that contains `offset`, else one that ends there (a cursor just after a name). */
export function mentionAt<M extends Span>(mentions: readonly M[], offset: number): M | undefined {
  const i = firstEndingAfter(mentions, offset - 1);
  const m = mentions[i];
  if (m?.end === offset && mentions[i + 1]?.start === offset) return mentions[i + 1];
  return m && m.start <= offset && offset <= m.end ? m : undefined;
}

/** Mentions overlapping [start, end); an empty span finds the mention around it. */
export function mentionsIn<M extends Span>(mentions: readonly M[], start: number, end: number): M[] {
  if (start >= end) {
    const m = mentionAt(mentions, start);
    return m ? [m] : [];
  }
  const out: M[] = [];
  for (let i = firstEndingAfter(mentions, start); i < mentions.length && mentions[i].start < end; i++) out.push(mentions[i]);
  return out;
}

/**
 * Whole lines around a region, one more on each side, widened until no old mention crosses its
 * edges: a rescan of it then finds everything the edit could have changed (a name may wrap).
 * Returns the span, and its text read line by line from `lines` when asked (a region too large to
 * rescan is not read at all).
 */
export function rescanRegion(lines: LineSource, mentions: readonly Span[], region: Span): Span & { readText(): string } {
  let first = Math.max(0, lines.lineAt(region.start) - 1);
  let last = Math.min(lines.lineCount - 1, lines.lineAt(region.end) + 1);
  for (;;) {
    const start = lines.lineStart(first);
    const end = lines.lineStart(last) + lines.lineText(last).length;
    const crossing = mentionsIn(mentions, start, end);
    const before = crossing[0];
    const after = crossing[crossing.length - 1];
    const wider = { first: before && before.start < start ? lines.lineAt(before.start) : first, last: after && after.end > end ? lines.lineAt(after.end) : last };
    if (wider.first === first && wider.last === last) return { start, end, readText: () => textOfLines(lines, first, last) };
    first = wider.first;
    last = wider.last;
  }
}

/** Mentions with those in `region` replaced by `fresh` (sorted, inside the region). */
export function spliceMentions(mentions: readonly Mention[], region: Span, fresh: readonly Mention[]): Mention[] {
  const from = firstEndingAfter(mentions, region.start);
  let to = from;
  while (to < mentions.length && mentions[to].start < region.end) to++;
  return [...mentions.slice(0, from), ...fresh, ...mentions.slice(to)];
}

/** Pieces of about `size` characters for scanning a large text a piece at a time, cut at blank lines where possible. */
export function chunks(text: string, size: number): Span[] {
  const out: Span[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const blank = text.indexOf('\n\n', end);
      const line = text.indexOf('\n', end);
      end = blank >= 0 && blank - end < size / 4 ? blank + 1 : line >= 0 ? line + 1 : text.length;
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}

/** Mentions of a slice, moved to the whole text's offsets. */
export function offsetMentions(mentions: Mention[], by: number): Mention[] {
  if (by) for (const m of mentions) {
    m.start += by;
    m.end += by;
  }
  return mentions;
}
