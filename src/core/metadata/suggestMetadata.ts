// What a document's text suggests for its metadata, offered as defaults when a person fills it in:
// the first real line as title, the first date written out in the text, a "By …" line, a source URL.
import type { DocumentMetadata } from '../model';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')})\\.?`;
// "17 November 2018", "October 16, 2023", "2022 January", "2023-10-16"
const DATE_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string | undefined]> = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => iso(m[1], monthNumber(m[2]), m[3])],
  [new RegExp(`\\b(\\d{1,2}) ${MONTH},? (\\d{4})\\b`, 'i'), (m) => iso(m[3], monthOf(m[2]), m[1])],
  [new RegExp(`\\b${MONTH} (\\d{1,2}),? (\\d{4})\\b`, 'i'), (m) => iso(m[3], monthOf(m[1]), m[2])],
  [new RegExp(`\\b(\\d{4}) ${MONTH}(?![a-z])`, 'i'), (m) => iso(m[1], monthOf(m[2]))],
  [new RegExp(`\\b${MONTH} (\\d{4})\\b`, 'i'), (m) => iso(m[2], monthOf(m[1]))],
];
// Lines that are page furniture rather than a title.
const NOT_A_TITLE = /^(loading\.*|published:.*|source:.*|\d{1,2} \w+ \d{4}|\d{4} \w+)$/i;

function monthOf(name: string): number {
  const lower = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m === lower || m.slice(0, 3) === lower) + 1;
}
const monthNumber = (s: string): number => Number(s);

function iso(year: string, month: number, day?: string): string | undefined {
  const y = Number(year);
  if (y < 1800 || y > 2200 || month < 1 || month > 12) return undefined;
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return `${year}-${mm}`;
  const d = Number(day);
  return d >= 1 && d <= 31 ? `${year}-${mm}-${String(d).padStart(2, '0')}` : undefined;
}

/** The first date written out in `text`, as YYYY-MM-DD or YYYY-MM; undefined when none. */
export function findDate(text: string): string | undefined {
  let best: { at: number; value: string } | undefined;
  for (const [pattern, convert] of DATE_PATTERNS) {
    const m = pattern.exec(text);
    const value = m && convert(m);
    if (m && value && (!best || m.index < best.at)) best = { at: m.index, value };
  }
  return best?.value;
}

export function suggestMetadata(text: string): DocumentMetadata {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !NOT_A_TITLE.test(l));
  const first = lines[0]?.replace(/^[【[]\s*|\s*[】\]]$/g, '');
  const byline = /^By ([A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){0,3})$/m.exec(text);
  const url = /https?:\/\/[^\s<>"）)]+/.exec(text);
  const out: DocumentMetadata = {};
  if (first && first.length <= 200) out.title = first;
  if (byline) out.authors = [byline[1]];
  const date = findDate(text.slice(0, 5000));
  if (date) out.published = date;
  if (url) out.url = url[0].replace(/[.,;]$/, '').replace(/\?.*$/, '');
  return out;
}
