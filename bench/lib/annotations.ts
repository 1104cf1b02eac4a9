// Synthetic annotations over a text, with the field mix the extension writes.
import { createAnchor } from '../../src/core/anchoring';
import type { Annotation } from '../../src/core/model';
import type { Rng } from './prng';

const LABELS = ['Spending on research is too low', 'The scheme cut waiting times', 'Housing supply will rise', 'Firms should get tax relief'];
const TAGS = ['funding', 'housing', 'r-and-d', 'transport', 'health', 'tax'];
const TIME = '2026-11-20T10:00:00Z';

export function annotationId(r: Rng): string {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let s = chars[r.int(26)];
  for (let i = 0; i < 7; i++) s += chars[r.int(36)];
  return s;
}

/** A span of 20–200 units that starts and ends at word edges. */
export function randomSpan(text: string, r: Rng): { start: number; end: number } {
  let start = r.int(Math.max(1, text.length - 220));
  while (start > 0 && /\S/.test(text[start - 1])) start--;
  while (start < text.length && /\s/.test(text[start])) start++;
  let end = Math.min(text.length, start + 20 + r.int(180));
  while (end < text.length && /\S/.test(text[end])) end++;
  if (end <= start) end = Math.min(text.length, start + 1);
  return { start, end };
}

/** `count` annotations on random spans of `text`; `entityIds` feed speakers, holders and link ends. */
export function generateAnnotations(text: string, count: number, r: Rng, entityIds: readonly string[] = ['author'], documentPath = 'doc.txt'): Annotation[] {
  const ids = new Set<string>();
  const out: Annotation[] = [];
  while (out.length < count) {
    const id = annotationId(r);
    if (ids.has(id)) continue;
    ids.add(id);
    const { start, end } = randomSpan(text, r);
    const anchor = createAnchor(text, start, end);
    const base = { id, anchor, author: 'Ada Researcher', created: TIME, modified: TIME };
    const extra: Partial<Annotation> = {};
    if (r.next() < 0.3) extra.tags = [r.pick(TAGS)];
    if (r.next() < 0.15) extra.note = r.next() < 0.5 ? 'Check against the budget.' : 'Check against the budget.\nSee the 2023 review.';
    if (r.next() < 0.05) extra.review = { status: 'fuzzy', was: anchor.exact.slice(0, -1) };
    const roll = r.next();
    const party = (): string => (r.next() < 0.3 ? 'author' : r.pick(entityIds));
    let a: Annotation;
    if (roll < 0.4) a = { ...base, ...extra, kind: 'claim', label: r.pick(LABELS), speaker: party(), claimType: 'factual' } as Annotation;
    else if (roll < 0.65) a = { ...base, ...extra, kind: 'stance', holder: party(), target: out.length && r.next() < 0.5 ? `#${r.pick(out).id}` : r.pick(entityIds), polarity: 'oppose' } as Annotation;
    else if (roll < 0.85) a = { ...base, ...extra, kind: 'note', note: extra.note ?? 'A note.' } as Annotation;
    else a = { ...base, ...extra, kind: 'link', from: r.pick(entityIds), to: out.length ? `${documentPath}#${r.pick(out).id}` : r.pick(entityIds), relation: 'supports' } as Annotation;
    out.push(a);
  }
  return out;
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** `count` random edits (insert a word or sentence, delete up to 60 units, replace a word), applied in order. */
export function randomEdits(text: string, count: number, r: Rng): { text: string; edits: Edit[] } {
  const edits: Edit[] = [];
  let t = text;
  const words = ['new', 'revised', 'the', 'additional', 'public', 'funding', 'not'];
  for (let i = 0; i < count; i++) {
    const at = r.int(t.length);
    const roll = r.next();
    let e: Edit;
    if (roll < 0.4) e = { start: at, end: at, text: r.next() < 0.7 ? `${r.pick(words)} ` : 'This sentence was added in review. ' };
    else if (roll < 0.7) e = { start: at, end: Math.min(t.length, at + 1 + r.int(60)), text: '' };
    else e = { start: at, end: Math.min(t.length, at + 3 + r.int(8)), text: r.pick(words) };
    t = t.slice(0, e.start) + e.text + t.slice(e.end);
    edits.push(e);
  }
  return { text: t, edits };
}
