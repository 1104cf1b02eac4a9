// Policy-like prose of a given size: seed sentences shuffled, with synthetic names woven in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rng } from './prng';

const FALLBACK = [
  'The government will review the funding of the programme next year.',
  'Critics argue that the policy has failed to reduce waiting times.',
  'According to the report, spending on research rose by 4 per cent in 2023.',
  'The committee recommended that the scheme be extended to smaller firms.',
];

/** Sentences of the seed texts (one per line or full stop), trimmed; a built-in few if there are no seeds. */
export function seedSentences(seedsDir: string): string[] {
  let files: string[] = [];
  try {
    files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
  } catch {
    return FALLBACK;
  }
  const out: string[] = [];
  for (const f of files.sort()) {
    const text = readFileSync(join(seedsDir, f), 'utf8').replace(/\r\n?/g, '\n');
    for (const line of text.split('\n')) {
      for (const s of line.split(/(?<=[.!?])\s+(?=[A-Z“"])/)) if (s.trim().length > 20) out.push(s.trim());
    }
  }
  return out.length ? out : FALLBACK;
}

export interface TextOptions {
  /** Names to weave in, and roughly one every this many characters (0: none). */
  names?: readonly string[];
  charsPerName?: number;
}

const LEADS = ['According to ', 'A spokesperson for ', 'In a statement, ', 'Officials at ', 'Critics of '];
const TAILS = [' said ', ' argued that ', ' warned that ', ' noted that '];

/** About `length` UTF-16 units of text (cut at a sentence end), paragraphs of 3–8 sentences. */
export function generateText(sentences: readonly string[], length: number, r: Rng, o: TextOptions = {}): string {
  const parts: string[] = [];
  let size = 0;
  let inParagraph = 0;
  let paragraph = 3 + r.int(6);
  let nextName = o.names?.length && o.charsPerName ? r.int(o.charsPerName) : Infinity;
  while (size < length) {
    let s = r.pick(sentences);
    while (size >= nextName && o.names && o.charsPerName) {
      const name = r.pick(o.names);
      s = r.next() < 0.5 ? `${r.pick(LEADS)}${name}, ${lowerFirst(s)}` : `${name}${r.pick(TAILS)}${lowerFirst(s)}`;
      nextName = size + Math.max(1, Math.round(o.charsPerName * (0.5 + r.next())));
    }
    const sep = ++inParagraph >= paragraph ? '\n' : ' ';
    if (sep === '\n') {
      inParagraph = 0;
      paragraph = 3 + r.int(6);
    }
    parts.push(s, sep);
    size += s.length + 1;
  }
  return parts.join('').slice(0, Math.max(length, 0)).replace(/\s+$/, '') + '\n';
}

const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);
