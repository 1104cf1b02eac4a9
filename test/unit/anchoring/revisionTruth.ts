// Ground truth for re-anchoring across real revisions, by a method independent of the anchoring
// code: a longest common subsequence of the two texts' words (white space ignored). A span of the old text whose words all survive, in order and next to
// each other, has its true place in the new text where those words are; otherwise its words
// changed. Also: the spans an annotator would mark (sentences, Markdown table rows).

export interface Token {
  word: string;
  start: number;
  end: number;
}

export function tokens(text: string): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/** For each old token, the index of the new token it is matched with in an LCS, or -1 (plain dynamic programming). */
export function matchWords(a: Token[], b: Token[]): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  // Common head and tail first: revisions keep most of a text.
  let head = 0;
  while (head < a.length && head < b.length && a[head].word === b[head].word) match[head] = head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].word === b[b.length - 1 - tail].word) {
    match[a.length - 1 - tail] = b.length - 1 - tail;
    tail++;
  }
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  const ids = new Map<string, number>();
  const id = (w: string) => ids.get(w) ?? (ids.set(w, ids.size), ids.size - 1);
  const x = Int32Array.from({ length: n }, (_, i) => id(a[head + i].word));
  const y = Int32Array.from({ length: m }, (_, j) => id(b[head + j].word));
  // lengths of LCS of suffixes, row by row; a direction per cell to walk the answer back.
  const dir = new Uint8Array(n * m);
  let next = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      if (x[i] === y[j]) {
        cur[j] = next[j + 1] + 1;
        dir[i * m + j] = 0;
      } else if (next[j] >= cur[j + 1]) {
        cur[j] = next[j];
        dir[i * m + j] = 1;
      } else {
        cur[j] = cur[j + 1];
        dir[i * m + j] = 2;
      }
    }
    [next, cur] = [cur, next];
  }
  for (let i = 0, j = 0; i < n && j < m; ) {
    const d = dir[i * m + j];
    if (d === 0) match[head + i++] = head + j++;
    else if (d === 1) i++;
    else j++;
  }
  return match;
}

export interface Truth {
  /** The span's true place in the new text, when all its words survive together. */
  place?: { start: number; end: number };
}

/** Truth for a span [start, end) of the old text. */
export function truthOf(oldTokens: Token[], newTokens: Token[], match: Int32Array, start: number, end: number): Truth {
  let first = -1;
  let last = -1;
  for (let i = 0; i < oldTokens.length; i++) {
    if (oldTokens[i].start >= start && oldTokens[i].end <= end) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return {};
  for (let i = first; i <= last; i++) {
    if (match[i] < 0 || (i > first && match[i] !== match[i - 1] + 1)) return {};
  }
  // The span must be whole words, or the words' edges could have changed unseen.
  if (oldTokens[first].start !== start || oldTokens[last].end !== end) return {};
  return { place: { start: newTokens[match[first]].start, end: newTokens[match[last]].end } };
}

/** Sentences (split after . ; : ? ! and at blank lines) and Markdown table rows, at least 12 characters. */
export function annotatorSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const add = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e - s >= 12) spans.push({ start: s, end: e });
  };
  let at = 0;
  for (const block of text.split(/\n\s*\n/)) {
    const blockStart = text.indexOf(block, at);
    at = blockStart + block.length;
    if (/^\s*\|/.test(block)) {
      let lineStart = blockStart;
      for (const line of block.split('\n')) {
        if (/^\s*\|.*[\p{L}\p{N}]/u.test(line)) add(lineStart, lineStart + line.length);
        lineStart += line.length + 1;
      }
      continue;
    }
    let s = blockStart;
    for (const m of block.matchAll(/[.;:?!](?=\s)/g)) {
      add(s, blockStart + m.index + 1);
      s = blockStart + m.index + 1;
    }
    add(s, blockStart + block.length);
  }
  return spans;
}
