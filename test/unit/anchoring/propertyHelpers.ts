// Generators and an independent oracle for the anchoring property tests.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Span, TextChange } from '../../../src/core/anchoring';
import { normalizeText } from '../../../src/core/anchoring';

export const SEEDS: string[] = readdirSync(join(__dirname, '../../../seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => normalizeText(readFileSync(join(__dirname, '../../../seeds', f), 'utf8')));

// Words for random documents: common words (so phrases repeat), curly quotes, NBSP, dashes,
// an emoji and CJK extension B characters (surrogate pairs).
const VOCAB = [
  'the', 'the', 'of', 'and', 'a', 'to', 'in', 'policy', 'council', 'budget', 'housing', 'tax', 'rate',
  'Hong', 'Kong', 'government', 'plan', '“reform”', 'it’s', 'cost', '–', '😀', '𠀀𠀁', 'long-term',
  'emissions', 'city', 'would', 'will', 'I', 'growth',
];
const SEPARATORS = [' ', ' ', ' ', ' ', '\u00a0', '\n', ', ', '. ', '.\n\n'];

/** Letters that never occur in the documents: inserted text made of them cannot pass for original words. */
const FOREIGN = ['α', 'β', 'γ', 'δ', 'ж', 'щ', 'ю', 'Ω', '🎉', '𪚲', ' ', ' ', '\n'];

/** A uniform fraction in [0, 1) (fc.double is uniform over float encodings, so mostly tiny). */
const fraction = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);

export interface TextSpec { seed: number; from: number; length: number; words: string[]; seps: number[] }
export const textSpec: fc.Arbitrary<TextSpec> = fc.record({
  seed: fc.integer({ min: -2, max: SEEDS.length - 1 }), // negative: a random document
  from: fraction,
  length: fc.integer({ min: 300, max: 4000 }),
  words: fc.array(fc.constantFrom(...VOCAB), { minLength: 20, maxLength: 250 }),
  seps: fc.array(fc.nat(SEPARATORS.length - 1), { minLength: 250, maxLength: 250 }),
});

export function buildText(spec: TextSpec): string {
  if (spec.seed >= 0) {
    const seed = SEEDS[spec.seed];
    const from = Math.floor(spec.from * Math.max(0, seed.length - spec.length));
    return seed.slice(from, from + spec.length);
  }
  return spec.words.map((w, i) => w + SEPARATORS[spec.seps[i]]).join('');
}

/** Word boundaries: starts and ends of maximal runs of non-space characters. */
export function words(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\s\u00a0]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export interface SpanSpec { at: number; count: number }
export const spanSpecs = fc.array(fc.record({ at: fraction, count: fc.integer({ min: 1, max: 6 }) }), {
  minLength: 1,
  maxLength: 5,
});

export function buildSpans(text: string, specs: SpanSpec[]): Span[] {
  const ws = words(text);
  if (ws.length === 0) return [];
  return specs.map(({ at, count }) => {
    const i = Math.min(ws.length - 1, Math.floor(at * ws.length));
    const j = Math.min(ws.length - 1, i + count - 1);
    return { start: ws[i].start, end: ws[j].end };
  });
}

export interface EditSpec {
  kind: 'insert' | 'delete' | 'replace';
  target: number; // which span to aim near (index mod spans), or anywhere
  where: 'start' | 'end' | 'inside' | 'before' | 'after' | 'anywhere' | 'cover';
  frac: number;
  offset: number;
  length: number;
  text: string[];
}
const editSpec = (alphabet: string[]): fc.Arbitrary<EditSpec> =>
  fc.record({
    kind: fc.constantFrom('insert', 'delete', 'replace'),
    target: fc.nat(10),
    where: fc.constantFrom('start', 'end', 'inside', 'inside', 'before', 'after', 'anywhere', 'cover'),
    frac: fraction,
    offset: fc.integer({ min: 0, max: 40 }),
    length: fc.integer({ min: 1, max: 25 }),
    text: fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 12 }),
  });
export const foreignEdits = fc.array(editSpec(FOREIGN), { minLength: 1, maxLength: 4 });
/** Edits anywhere in the document, as ordinary editing spreads them (most annotations untouched). */
export const scatteredForeignEdits = fc.array(
  editSpec(FOREIGN).map((e) => ({ ...e, where: 'anywhere' as const })),
  { minLength: 1, maxLength: 6 },
);
export const wordEdits = fc.array(editSpec([...VOCAB, ' ', ' ', '\n', 'x']), { minLength: 1, maxLength: 4 });

function snap(text: string, offset: number): number {
  const o = Math.max(0, Math.min(text.length, offset));
  const c = text.charCodeAt(o);
  return o > 0 && c >= 0xdc00 && c <= 0xdfff ? o - 1 : o;
}

/** A concrete change for the current text, aimed near the current place of a span. */
export function buildChange(text: string, spans: (Span | undefined)[], e: EditSpec): TextChange {
  const live = spans.filter((s): s is Span => s !== undefined);
  const span = live.length > 0 ? live[e.target % live.length] : undefined;
  let at: number;
  if (!span || e.where === 'anywhere') at = Math.floor(e.frac * text.length);
  else if (e.where === 'start') at = span.start;
  else if (e.where === 'end') at = span.end;
  else if (e.where === 'inside') at = span.start + Math.floor(e.frac * (span.end - span.start));
  else if (e.where === 'before') at = span.start - e.offset;
  else if (e.where === 'after') at = span.end + e.offset;
  else at = span.start - e.offset; // cover: a deletion over the whole span
  const start = snap(text, at);
  const insert = e.text.join('');
  if (e.kind === 'insert') return { start, end: start, text: insert };
  const length = e.where === 'cover' && span ? span.end - start + e.offset : e.length;
  const end = Math.max(start, snap(text, start + length));
  return { start, end, text: e.kind === 'replace' ? insert : '' };
}

/**
 * Independent oracle for one span: a flag per character says whether it belongs to the
 * annotation. Inserted characters belong to it when typed strictly between two of its
 * characters, or when they replace characters all of which belonged to it (and some remain).
 */
export class TrackedSpan {
  private flags: boolean[];
  dead = false;

  constructor(length: number, span: Span) {
    this.flags = Array.from({ length }, (_, i) => i >= span.start && i < span.end);
  }

  clone(): TrackedSpan {
    const c = new TrackedSpan(0, { start: 0, end: 0 });
    c.flags = this.flags.slice();
    c.dead = this.dead;
    return c;
  }

  get key(): string {
    const s = this.span;
    return s ? `${s.start},${s.end}` : 'x';
  }

  apply(c: TextChange): void {
    if (this.dead) return;
    const deleted = this.flags.slice(c.start, c.end);
    const total = this.flags.reduce((n, f) => n + (f ? 1 : 0), 0);
    const removed = deleted.filter(Boolean).length;
    if (total > 0 && removed === total) {
      this.dead = true;
      return;
    }
    const inside =
      c.end > c.start
        ? deleted.every(Boolean)
        : c.start > 0 && this.flags[c.start - 1] === true && this.flags[c.start] === true;
    this.flags = [...this.flags.slice(0, c.start), ...Array<boolean>(c.text.length).fill(inside), ...this.flags.slice(c.end)];
  }

  get span(): Span | undefined {
    if (this.dead) return undefined;
    const start = this.flags.indexOf(true);
    const end = this.flags.lastIndexOf(true) + 1;
    for (let i = start; i < end; i++) if (!this.flags[i]) throw new Error('oracle: span not contiguous');
    return { start, end };
  }
}

/** Ways the same change could be described (the diff cannot know which one the author made). */
export function equivalentChanges(text: string, c: TextChange): TextChange[][] {
  const out: TextChange[][] = [[c]];
  const dels = c.end > c.start ? slidDeletions(text, c.start, c.end) : [[c.start, c.start]];
  for (const [i, j] of dels) {
    const mid = text.slice(0, i) + text.slice(j);
    const seq: TextChange[] = j > i ? [{ start: i, end: j, text: '' }] : [];
    if (c.text.length === 0) {
      out.push(seq);
      continue;
    }
    // Where the inserted text lands in `mid` so that the result is the same string.
    const target = text.slice(0, c.start) + c.text + text.slice(c.end);
    // Insert at the original or the slid place, or anywhere the text slides to, if the result is the same.
    for (const ins of [...slidInsertions(mid, c.start, c.text), ...slidInsertions(mid, i, c.text)]) {
      if (mid.slice(0, ins.start) + ins.text + mid.slice(ins.start) === target) out.push([...seq, ins]);
    }
  }
  return out;
}

function slidDeletions(t: string, i0: number, j0: number): [number, number][] {
  const out: [number, number][] = [[i0, j0]];
  for (let i = i0, j = j0; j < t.length && t[i] === t[j]; ) out.push([++i, ++j]);
  for (let i = i0, j = j0; i > 0 && t[i - 1] === t[j - 1]; ) out.push([--i, --j]);
  return out;
}

function slidInsertions(t: string, p0: number, s0: string): TextChange[] {
  const p = Math.max(0, Math.min(t.length, p0));
  const out: TextChange[] = [{ start: p, end: p, text: s0 }];
  for (let q = p, s = s0; q < t.length && t[q] === s[0]; ) {
    s = s.slice(1) + t[q];
    q++;
    out.push({ start: q, end: q, text: s });
  }
  for (let q = p, s = s0; q > 0 && t[q - 1] === s[s.length - 1]; ) {
    s = t[q - 1] + s.slice(0, -1);
    q--;
    out.push({ start: q, end: q, text: s });
  }
  return out;
}
