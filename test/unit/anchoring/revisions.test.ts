// Re-anchoring across real revisions of public texts: licences in several versions (the
// `spdx-license-list` package, CC0), the same licences as Debian ships them (other line wraps)
// and Debian's own revisions, a README with a version-support policy table and a padded rules
// table at five versions, and a security policy at five versions (test/fixtures/revisions). Spans are the sentences and table rows of the old revision; the
// truth comes from a word diff (revisionTruth.ts). Judged with the old text (diff) and without
// it (quote search): correct, flagged for review, or misplaced (placed without a flag on words
// that are not the span's): misplaced must be 0.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnchor, normalizeText, reanchorAll, type AnchorResult } from '../../../src/core/anchoring';
import { annotatorSpans, matchWords, tokens, truthOf } from './revisionTruth';

const spdx = JSON.parse(readFileSync(require.resolve('spdx-license-list/spdx-full.json'), 'utf8')) as Record<string, { licenseText: string }>;
const FAMILIES = [
  ['CC-BY-1.0', 'CC-BY-2.0', 'CC-BY-2.5', 'CC-BY-3.0', 'CC-BY-4.0'],
  ['CC-BY-SA-1.0', 'CC-BY-SA-2.0', 'CC-BY-SA-2.5', 'CC-BY-SA-3.0', 'CC-BY-SA-4.0'],
  ['CC-BY-NC-1.0', 'CC-BY-NC-2.0', 'CC-BY-NC-2.5', 'CC-BY-NC-3.0', 'CC-BY-NC-4.0'],
  ['CC-BY-ND-1.0', 'CC-BY-ND-2.0', 'CC-BY-ND-2.5', 'CC-BY-ND-3.0', 'CC-BY-ND-4.0'],
  ['GFDL-1.1', 'GFDL-1.2', 'GFDL-1.3'],
  ['LGPL-2.0', 'LGPL-2.1'],
  ['MPL-1.0', 'MPL-1.1'],
  ['NPL-1.0', 'NPL-1.1'],
  ['CDDL-1.0', 'CDDL-1.1'],
  ['EUPL-1.0', 'EUPL-1.1', 'EUPL-1.2'],
  ['OSL-1.0', 'OSL-1.1', 'OSL-2.0', 'OSL-2.1', 'OSL-3.0'],
  ['AFL-1.1', 'AFL-1.2', 'AFL-2.0', 'AFL-2.1', 'AFL-3.0'],
  ['APSL-1.0', 'APSL-1.1', 'APSL-1.2', 'APSL-2.0'],
  ['CECILL-1.0', 'CECILL-1.1', 'CECILL-2.0', 'CECILL-2.1'],
  ['LPPL-1.0', 'LPPL-1.1', 'LPPL-1.2'],
  ['OGL-UK-1.0', 'OGL-UK-2.0', 'OGL-UK-3.0'],
  ['OLDAP-2.0', 'OLDAP-2.1', 'OLDAP-2.2', 'OLDAP-2.3', 'OLDAP-2.4', 'OLDAP-2.5', 'OLDAP-2.6', 'OLDAP-2.7', 'OLDAP-2.8'],
  ['Zimbra-1.3', 'Zimbra-1.4'],
  ['BitTorrent-1.0', 'BitTorrent-1.1'],
  ['CERN-OHL-1.1', 'CERN-OHL-1.2'],
  ['Python-2.0', 'Python-2.0.1'],
  ['copyleft-next-0.3.0', 'copyleft-next-0.3.1'],
];
// The same licence as Debian's base-files ships it (hard-wrapped, other headers): a document
// replaced by a download from elsewhere.
const DEBIAN: [string, string][] = [
  ['GPL-2.0', 'GPL-2'],
  ['GPL-3.0', 'GPL-3'],
  ['LGPL-2.1', 'LGPL-2.1'],
  ['LGPL-3.0', 'LGPL-3'],
  ['MPL-2.0', 'MPL-2.0'],
  ['Apache-2.0', 'Apache-2.0'],
  ['GFDL-1.3', 'GFDL-1.3'],
  ['GFDL-1.2', 'GFDL-1.2'],
  ['MPL-1.1', 'MPL-1.1'],
  ['LGPL-2.0', 'LGPL-2'],
  ['CC0-1.0', 'CC0-1.0'],
];
// Revisions as Debian ships them (both re-wrapped the same way).
const DEBIAN_REVISIONS: [string, string][] = [
  ['GFDL-1.2', 'GFDL-1.3'],
  ['LGPL-2', 'LGPL-2.1'],
];
// Documents at several versions (test/fixtures/revisions/*/ATTRIBUTION.md): a README with a
// version-support policy table and a padded rules table, and a security policy.
const SERIES = [
  { dir: join(__dirname, '../../fixtures/revisions/eslint-plugin-n'), prefix: 'README-', name: 'eslint-plugin-n' },
  { dir: join(__dirname, '../../fixtures/revisions/microsoft-security-md'), prefix: 'SECURITY-', name: 'Microsoft SECURITY.md' },
];

interface Pair {
  name: string;
  oldText: string;
  newText: string;
}

function pairs(): Pair[] {
  const out: Pair[] = [];
  for (const family of FAMILIES) {
    for (let k = 1; k < family.length; k++) out.push({ name: `${family[k - 1]} → ${family[k]}`, oldText: normalizeText(spdx[family[k - 1]].licenseText), newText: normalizeText(spdx[family[k]].licenseText) });
  }
  for (const [id, file] of DEBIAN) {
    const path = join('/usr/share/common-licenses', file);
    if (existsSync(path)) out.push({ name: `${id} → Debian ${file}`, oldText: normalizeText(spdx[id].licenseText), newText: normalizeText(readFileSync(path, 'utf8')) });
  }
  for (const [from, to] of DEBIAN_REVISIONS) {
    const [a, b] = [from, to].map((f) => join('/usr/share/common-licenses', f));
    if (existsSync(a) && existsSync(b)) out.push({ name: `Debian ${from} → ${to}`, oldText: normalizeText(readFileSync(a, 'utf8')), newText: normalizeText(readFileSync(b, 'utf8')) });
  }
  for (const { dir, prefix, name } of SERIES) {
    const files = readdirSync(dir)
      .filter((f) => f.startsWith(prefix))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (let k = 1; k < files.length; k++) {
      out.push({ name: `${name} ${files[k - 1]} → ${files[k]}`, oldText: normalizeText(readFileSync(join(dir, files[k - 1]), 'utf8')), newText: normalizeText(readFileSync(join(dir, files[k]), 'utf8')) });
    }
  }
  return out;
}

interface Tally {
  spans: number;
  intact: number;
  correct: number;
  flagged: number;
  misplaced: number;
  /** Placed on the same words where they occur more than once: the word diff cannot say which copy is right. */
  repeated: number;
  tableRows: number;
  tableRowsCorrect: number;
}
const blank = (): Tally => ({ spans: 0, intact: 0, correct: 0, flagged: 0, misplaced: 0, repeated: 0, tableRows: 0, tableRowsCorrect: 0 });
const words = (s: string) => s.split(/\s+/).filter(Boolean).join(' ');

/** How often the words of `quote` occur, as whole words, in `text` (white space ignored). */
function occurrences(text: string, quote: string): number {
  const all = ` ${words(text)} `;
  const q = ` ${words(quote)} `;
  let n = 0;
  for (let i = all.indexOf(q); i >= 0; i = all.indexOf(q, i + 1)) n++;
  return n;
}

/**
 * correct: an intact span anchored or moved onto its true place, or a span whose words changed
 * flagged (fuzzy, ambiguous, orphaned) or placed on a verbatim copy of its words with the same
 * neighbouring words; flagged: an intact span not placed; misplaced: anything else placed.
 */
function judge(p: Pair, results: AnchorResult[], spans: { start: number; end: number }[], t: Tally, problems: string[], run: string): void {
  const oldTokens = tokens(p.oldText);
  const newTokens = tokens(p.newText);
  const match = matchWords(oldTokens, newTokens);
  results.forEach((r, k) => {
    const span = spans[k];
    const truth = truthOf(oldTokens, newTokens, match, span.start, span.end);
    const quote = p.oldText.slice(span.start, span.end);
    const isRow = quote.startsWith('|');
    t.spans++;
    if (isRow) t.tableRows++;
    const placed = r.status === 'anchored' || r.status === 'moved';
    const got = p.newText.slice(r.anchor.start, r.anchor.end);
    if (truth.place) {
      t.intact++;
      if (!placed) {
        t.flagged++;
        if (process.env.REVISIONS_DEBUG) console.log(`${run} flagged ${r.status} ${r.score} ${p.name} ${JSON.stringify(quote.slice(0, 60))}`);
      }
      else if (r.anchor.start === truth.place.start && r.anchor.end === truth.place.end) {
        t.correct++;
        if (isRow) t.tableRowsCorrect++;
      } else if (words(got) === words(quote) && occurrences(p.newText, quote) > 1) {
        t.repeated++;
        if (process.env.REVISIONS_DEBUG) console.log(`${run} repeated ${r.status} ${r.score} ${p.name} at ${r.anchor.start}, truth ${truth.place.start} ${JSON.stringify(quote.slice(0, 60))}`);
      } else {
        t.misplaced++;
        problems.push(`${p.name}: ${r.status} ${JSON.stringify(got)} at ${r.anchor.start}, truth ${truth.place.start} for ${JSON.stringify(quote)}`);
      }
      return;
    }
    if (!placed) {
      t.correct++;
      if (isRow) t.tableRowsCorrect++;
      return;
    }
    // Placed although the word diff saw a change (a moved block, which a word diff cannot
    // follow): right on the same words if they occur once in each revision, or, when repeated,
    // with the same neighbouring words.
    const around = (text: string, s: number, e: number) => words(text.slice(Math.max(0, s - 40), s)).split(' ').slice(-2).join(' ') + '|' + words(text.slice(e, e + 40)).split(' ').slice(0, 2).join(' ');
    // Counted as text, not as whole words: a revision that glues the words to punctuation
    // ("4. Restrictions.The license", "14.Jurisdiction") still holds them once.
    const unique = copies(p.oldText, quote) === 1 && copies(p.newText, quote) === 1;
    if (words(got) === words(quote) && (unique || around(p.newText, r.anchor.start, r.anchor.end) === around(p.oldText, span.start, span.end))) {
      t.correct++;
      if (isRow) t.tableRowsCorrect++;
    } else if (words(got) === words(quote)) {
      t.repeated++;
      if (process.env.REVISIONS_DEBUG) console.log(`${run} repeated-changed ${r.status} ${r.score} ${p.name} at ${r.anchor.start} ${JSON.stringify(quote.slice(0, 60))}`);
    } else {
      t.misplaced++;
      problems.push(`${p.name}: ${r.status} ${JSON.stringify(got)} but its words changed: ${JSON.stringify(quote)}`);
    }
  });
}

/** How often the words of `quote` occur in `text`, white space ignored, also inside longer words. */
function copies(text: string, quote: string): number {
  const all = words(text);
  const q = words(quote);
  let n = 0;
  for (let i = all.indexOf(q); i >= 0; i = all.indexOf(q, i + 1)) n++;
  return n;
}

const pct = (n: number, d: number) => Math.round((10000 * n) / Math.max(d, 1)) / 100;

describe('re-anchoring on real revisions of public texts', () => {
  const all = pairs();
  const withHistory = blank();
  const without = blank();
  const problems: string[] = [];
  for (const p of all) {
    const spans = annotatorSpans(p.oldText);
    const anchors = spans.map((s) => createAnchor(p.oldText, s.start, s.end));
    // No time limit on the diff here (the editor's is 1 s): with one, a busy machine gets a coarser
    // diff and the figure would move from run to run.
    judge(p, reanchorAll(anchors, p.newText, p.oldText, { timeoutMs: 0 }), spans, withHistory, problems, 'history');
    judge(p, reanchorAll(anchors, p.newText), spans, without, problems, 'nohistory');
  }
  const line = (name: string, t: Tally) =>
    `${name}: ${t.spans} spans (${t.intact} with their words intact), ${t.correct} correct (${pct(t.correct, t.spans)}%), ${t.flagged} flagged, ${t.misplaced} misplaced, ${t.repeated} on a repeated passage; table rows ${t.tableRowsCorrect}/${t.tableRows} correct`;
  console.log(`real revisions: ${all.length} pairs\n  ${line('with history', withHistory)}\n  ${line('without history', without)}`);

  it('covers licences, a re-wrapped download and Markdown tables', () => {
    expect(all.length).toBeGreaterThanOrEqual(50);
    expect(without.tableRows).toBeGreaterThan(100);
  });

  it('never places a span on the wrong words without a flag', () => {
    if (problems.length) console.log(problems.join('\n'));
    expect(problems).toEqual([]);
  });

  // The bar asked for is 99.7% without history, reached; these floors are what is reached today
  // (see the README's re-anchoring figures), so a change that loses ground fails here.
  it('keeps its share of correct results with and without the old text', () => {
    expect(pct(withHistory.correct, withHistory.spans)).toBeGreaterThanOrEqual(99.6);
    expect(pct(without.correct, without.spans)).toBeGreaterThanOrEqual(99.7);
    expect(without.tableRowsCorrect).toBeGreaterThanOrEqual(187);
  });
});
