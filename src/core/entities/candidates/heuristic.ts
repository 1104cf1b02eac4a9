// The built-in candidate finder: capitalised multi-word names and acronyms that no catalogue
// (or value) mention covers. It is deliberately simple and conservative; an NLP library can
// replace it behind the same interface.
//
// Rules:
// - a name is a run of capitalised words, which may contain the connectors of, for, the, on,
//   in and de between capitalised words, and "and"/"&" once the name has an "of" or "for"
//   (Ministry of Science and Technology, but not "Tencent and Baidu");
// - acronyms and inner-capital words (IPO, R&D, HKEJ, ChatGPT) are candidates on their own;
// - a sentence-initial common word (The, In, However...) is not part of a name, and a lone
//   capitalised word at a sentence start is not a candidate (it cannot be told from any word);
// - a lone capitalised word elsewhere is a candidate unless it is a title or a demonym
//   (Secretary, Chinese); months, weekdays and compound adjectives (Internet-related) are never
//   part of a name;
// - in headlines (title case, no full stop at the end) only acronyms count;
// - addresses (URLs, e-mails) are skipped.

import type { Mention, Span } from '../types';
import { type CandidateFinder, candidateMention, overlapsAny } from './finder';

const TOKEN = /[\p{L}\p{N}]+(?:[&\-.][\p{L}\p{N}]+)*(?:[’']s)?/gu;
const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'de', '&']);
const CALENDAR = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
/** "Internet-related", "IT-led": a compound adjective, never part of a name. */
const COMPOUND_ADJECTIVE = /-\p{Ll}+$/u;
const ADDRESS = /\bhttps?:\/\/\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;

// Capitalised at a sentence start only because of the sentence.
const COMMON_STARTS = new Set(
  (
    'a an the in on at for of to from by with without about after before during since until as if when while where ' +
    'although though but and or so yet however moreover furthermore therefore thus then also instead meanwhile ' +
    'this that these those it its we our i my he his she her they their you your there here what which who how why ' +
    'many some most all both each every such other another only even first second secondly third finally currently ' +
    'recently traditionally given looking speaking according based focusing cooperating expanding strengthen ' +
    'consolidate focus talent please read photo source contact published updated q a'
  ).split(' '),
);
// Titles, demonyms and other capitalised words that are not names by themselves.
const NOT_NAMES = new Set(
  (
    'i secretary president chairman chief executive acting officer minister director reporter author editor ' +
    'mr mrs ms dr professor sir madam chinese english american british european asian mainland country government ' +
    'internet state national international academy'
  ).split(' '),
);

interface Token {
  start: number;
  end: number;
  word: string;
}

function isCapitalised(word: string): boolean {
  if (!word) return false;
  const first = word[0];
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/**
 * Acronym or inner capital: no lower-case letter and at least two capitals (IPO, R&D, HKEJ), or
 * a capital after a lower-case letter (ChatGPT, InnoHK). "Win-Win" and "Sci-Tech" are not.
 */
function isAcronymLike(word: string): boolean {
  const bare = word.replace(/[’']s$/u, '');
  if (!/\p{Ll}/u.test(bare) && (bare.match(/\p{Lu}/gu)?.length ?? 0) >= 2) return true;
  return /\p{Ll}\p{Lu}/u.test(bare);
}

/**
 * May the connector after toks[j] join the name that started at toks[i]? Not after an acronym
 * ("IPO of Acme"), and "and"/"&" only in a name that already has "of" or "for" in it
 * ("Ministry of Science and Technology", but not "Tencent and Baidu").
 */
function joins(toks: readonly Token[], i: number, j: number): boolean {
  const connector = toks[j + 1]?.word ?? '';
  if (!CONNECTORS.has(connector) || /^\p{Lu}{2,}$/u.test(toks[j].word)) return false;
  if (connector !== 'and' && connector !== '&') return true;
  for (let k = i + 1; k <= j; k++) if (toks[k].word === 'of' || toks[k].word === 'for') return true;
  return false;
}

function sentenceInitial(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n') return true;
    // An opening quote or bracket starts a quoted title or phrase: "Enlarging the I&T talent pool".
    if (/[“‘«(\[【]/u.test(c)) return true;
    if ((c === '"' || c === "'") && (i === 0 || /[\s(]/u.test(text[i - 1]))) return true;
    if (/[\s"'”’»)\]\p{S}]/u.test(c)) continue;
    return /[.!?:;|】–—•·*]/u.test(c);
  }
  return true;
}

/** A line with four or more words, most of them capitalised, and no full stop at the end: a headline. */
function isTitleCaseLine(line: string): boolean {
  if (/\.[\s"'”’)\]]*$/u.test(line)) return false;
  const words = line.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  if (words.length < 4 || long.length === 0) return false;
  return long.filter(isCapitalised).length / long.length >= 0.7;
}

function tokens(text: string, taken: readonly Span[]): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    const bare = m[0].replace(/[’']s$/u, '');
    const breaker = overlapsAny(taken, start, end) || CALENDAR.has(bare.toLowerCase());
    if (!breaker) out.push({ start, end, word: m[0] });
    else out.push({ start: -1, end: -1, word: '' }); // a claimed word or a date word breaks a name
  }
  return out;
}

export const heuristicCandidateFinder: CandidateFinder = {
  name: 'heuristic',
  find(text: string, taken: readonly Span[]): Mention[] {
    const addresses = [...text.matchAll(ADDRESS)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const blocked = [...taken, ...addresses].sort((a, b) => a.start - b.start);
    const merged: Span[] = [];
    for (const s of blocked) {
      const last = merged[merged.length - 1];
      if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
      else merged.push({ ...s });
    }
    const toks = tokens(text, merged);
    const mentions: Mention[] = [];
    const headingCache = new Map<number, boolean>();
    const inHeading = (offset: number) => {
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      let v = headingCache.get(lineStart);
      if (v === undefined) {
        const lineEnd = text.indexOf('\n', offset);
        headingCache.set(lineStart, (v = isTitleCaseLine(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd))));
      }
      return v;
    };
    // Tokens in one name must be separated by a single space (no punctuation or line break).
    const adjacent = (a: Token, b: Token) => /^[ \u00a0]$/u.test(text.slice(a.end, b.start));

    let i = 0;
    while (i < toks.length) {
      const t = toks[i];
      if (t.start < 0 || !isCapitalised(t.word)) {
        i++;
        continue;
      }
      // Extend over capitalised words and inner connectors.
      let j = i;
      let last = i;
      while (j + 1 < toks.length && toks[j + 1].start >= 0 && adjacent(toks[j], toks[j + 1])) {
        const next = toks[j + 1];
        if (isCapitalised(next.word) && !/[’']s$/u.test(toks[j].word) && !COMPOUND_ADJECTIVE.test(toks[j].word) && !COMPOUND_ADJECTIVE.test(next.word)) {
          j++;
          last = j;
        } else if (joins(toks, i, j) && isCapitalised(toks[j + 2]?.word ?? '') && toks[j + 2].start >= 0 && adjacent(next, toks[j + 2])) {
          j++;
        } else break;
      }
      const startIdx = i;
      let first = i;
      const initial = sentenceInitial(text, t.start);
      if (initial && COMMON_STARTS.has(t.word.toLowerCase())) {
        first++;
        while (first <= last && CONNECTORS.has(toks[first].word)) first++;
      }
      i = last + 1;
      if (first > last) continue;
      const heading = inHeading(toks[first].start);
      if (first === last) {
        let bare = toks[first].word.replace(/[’']s$/u, '');
        // "IT-related": the acronym is the candidate; "Internet-related" is an adjective.
        if (isAcronymLike(bare.replace(COMPOUND_ADJECTIVE, ''))) bare = bare.replace(COMPOUND_ADJECTIVE, '');
        if (bare.length < 2) continue;
        const atSentenceStart = initial && first === startIdx;
        if (!isAcronymLike(bare) && (heading || atSentenceStart || NOT_NAMES.has(bare.toLowerCase()) || /-\p{Ll}+$/u.test(bare))) continue;
        mentions.push(candidateMention(text, toks[first].start, toks[first].start + bare.length));
        continue;
      }
      if (heading) {
        // Only the acronyms of a headline.
        for (let k = first; k <= last; k++) {
          const bare = toks[k].word.replace(/[’']s$/u, '').replace(COMPOUND_ADJECTIVE, '');
          if (isAcronymLike(bare)) mentions.push(candidateMention(text, toks[k].start, toks[k].start + bare.length));
        }
        continue;
      }
      const end = toks[last].start + toks[last].word.replace(/[’']s$/u, '').length;
      mentions.push(candidateMention(text, toks[first].start, end));
    }
    return mentions;
  },
};
