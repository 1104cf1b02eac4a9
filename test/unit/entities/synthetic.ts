// Deterministic synthetic catalogue and document for timing the matcher.
import type { Entity } from '../../../src/core/entities/index';

function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const word = (min: number, max: number) => {
    let w = '';
    const n = min + Math.floor(next() * (max - min + 1));
    for (let i = 0; i < n; i++) w += letters[Math.floor(next() * 26)];
    return w;
  };
  return { next, word, pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

/**
 * `aliasCount` aliases (half names of 1-4 capitalised words, half acronyms) and a
 * document of `chars` code units: ordinary words, 3% catalogue names, curly quotes, NBSPs.
 */
export function synthetic(aliasCount: number, chars: number, seed = 42): { entities: Entity[]; text: string } {
  const g = generator(seed);
  const vocabulary = Array.from({ length: 20000 }, () => g.word(1, 10));
  const nameWords = Array.from({ length: 8000 }, () => cap(g.word(3, 9)));
  // Names also borrow ordinary words, as "Science Park" does, but not one- or two-letter ones.
  const longWords = vocabulary.filter((w) => w.length >= 4);
  const entities: Entity[] = [];
  for (let i = 0; i < aliasCount / 2; i++) {
    const words = Array.from({ length: 1 + Math.floor(g.next() * 4) }, () => (g.next() < 0.7 ? g.pick(nameWords) : cap(g.pick(longWords))));
    const acronym = words.map((w) => w[0]).join('').toUpperCase() + 'X' + (i % 10);
    entities.push({ id: `e${i}`, type: 'organisation', name: words.join(' '), aliases: [acronym] });
  }
  const names = entities.flatMap((e) => [e.name, ...e.aliases]);
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const r = g.next();
    let part: string;
    if (r < 0.03) part = g.pick(names) + ' ';
    else if (r < 0.05) part = `“${g.pick(vocabulary)}”, `;
    else {
      const w = g.pick(vocabulary);
      part = (g.next() < 0.1 ? cap(w) : w) + (g.next() < 0.08 ? '.\u00a0' : ' ');
    }
    parts.push(part);
    length += part.length;
  }
  return { entities, text: parts.join('').slice(0, chars) };
}
