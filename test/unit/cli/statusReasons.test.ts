import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAnchor, fingerprint } from '../../../src/core/anchoring';
import { Annotation } from '../../../src/core/model';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { cli } from './runCliCapture';
import { commitAll, git } from './tempRepo';

// status --json explains every annotation that is not anchored where it was: a reason, a score and
// the candidate places, and never the stale stored offsets of an ambiguous or orphaned annotation.

const DOC = 'policy.txt';
const LINE = 'Members shall publish the annual report before the deadline.\n';
const OLD = [
  'Intro.\n',
  LINE.repeat(4),
  'The agency will review water tariffs every three years under the new ordinance.\n',
  'It is said that the ministry plans to close two old coal plants by the end of 2030.\n',
  'Finally, the council approves all budgets in public session each spring.\n',
].join('');
const NEW = ('New preface line.\n' + OLD)
  .replace('every three years', 'every four years')
  .replace('It is said that the ministry plans to close two old coal plants by the end of 2030.', 'Nothing else is planned here.');

/** id -> [quote, which occurrence (0-based)] */
const QUOTES: Record<string, [string, number]> = {
  amb00001: ['publish the annual report', 1],
  fuz00001: ['review water tariffs every three years', 0],
  orp00001: ['close two old coal plants', 0],
  mov00001: ['approves all budgets in public session', 0],
};

const stamp = { author: 'Test', created: '2026-11-22T10:00:00Z', modified: '2026-11-22T10:00:00Z' };

/** A workspace whose sidecar was made on OLD; the document now reads `now`. `history`: git has OLD. */
function workspace(now: string, history = false): string {
  const root = mkdtempSync(join(tmpdir(), 'pa-status-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  git(root, 'init', '-q');
  writeFileSync(join(root, DOC), OLD);
  const annotations: Annotation[] = Object.entries(QUOTES).map(([id, [quote, nth]]) => {
    let start = -1;
    for (let k = 0; k <= nth; k++) start = OLD.indexOf(quote, start + 1);
    return { id, kind: 'claim', anchor: createAnchor(OLD, start, start + quote.length), label: quote, speaker: 'author', claimType: 'factual', ...stamp };
  });
  const file = join(root, 'annotations', `${DOC}.yaml`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, writeSidecar({ schemaVersion: 1, document: DOC, fingerprint: fingerprint(new TextEncoder().encode(OLD)), annotations }));
  if (history) commitAll(root);
  writeFileSync(join(root, DOC), now);
  return root;
}

interface Place {
  start: number;
  end: number;
  score: number;
}
interface Row {
  id: string;
  status: string;
  start: number | null;
  end: number | null;
  reason?: { code: string; text: string };
  score?: number;
  candidates?: Place[];
}

async function statusRows(root: string): Promise<Record<string, Row>> {
  const result = await cli(root, 'status', '--json');
  expect(result.err).toBe('');
  return Object.fromEntries(JSON.parse(result.out).documents[0].annotations.map((a: Row) => [a.id, a]));
}

const bestFirst = (c: Place[]) => c.every((p, i) => i === 0 || c[i - 1].score >= p.score);

describe('status --json: why an annotation is not anchored where it was', () => {
  it('without history: moved, fuzzy, ambiguous and orphaned each with a reason, a score and candidates', async () => {
    const rows = await statusRows(workspace(NEW));
    expect(Object.fromEntries(Object.values(rows).map((r) => [r.id, r.status]))).toEqual({ amb00001: 'ambiguous', fuz00001: 'fuzzy', orp00001: 'orphaned', mov00001: 'moved' });

    const moved = rows.mov00001;
    const at = NEW.indexOf('approves all budgets');
    expect(moved).toMatchObject({ start: at, end: at + QUOTES.mov00001[0].length, reason: { code: 'quote-moved' } });
    expect(moved.score).toBeGreaterThan(0.9);
    expect(moved.candidates![0]).toMatchObject({ start: at, end: at + QUOTES.mov00001[0].length });

    const fuzzy = rows.fuz00001;
    expect(fuzzy.reason!.code).toBe('quote-changed');
    expect(NEW.slice(fuzzy.start!, fuzzy.end!)).toBe('review water tariffs every four years');
    expect(fuzzy.score).toBeGreaterThan(0.7);
    expect(fuzzy.score).toBeLessThan(1);
    expect(fuzzy.candidates![0]).toMatchObject({ start: fuzzy.start, end: fuzzy.end });

    // The stored offsets are not reported: the two copies in identical surroundings are.
    const ambiguous = rows.amb00001;
    expect(ambiguous.start).toBeNull();
    expect(ambiguous.end).toBeNull();
    expect(ambiguous.reason).toEqual({ code: 'several-places', text: '2 places match equally well: needs review' });
    const copies = [1, 2].map((k) => NEW.indexOf('publish the annual report', NEW.indexOf(LINE) + k * LINE.length));
    expect(ambiguous.candidates!.map((c) => c.start).sort((a, b) => a - b)).toEqual(copies);
    expect(ambiguous.candidates!.every((c) => NEW.slice(c.start, c.end) === 'publish the annual report')).toBe(true);
    expect(bestFirst(ambiguous.candidates!)).toBe(true);
    expect(ambiguous.score).toBe(ambiguous.candidates![0].score);

    const orphaned = rows.orp00001;
    expect(orphaned).toMatchObject({ start: null, end: null, reason: { code: 'quote-not-found' } });
    expect(orphaned.score).toBeLessThan(0.7);
    expect(orphaned.candidates!.length).toBeLessThanOrEqual(5);
    expect(bestFirst(orphaned.candidates!)).toBe(true);
  });

  it('anchored annotations carry no reason; the text output gives one per other line', async () => {
    const root = workspace(OLD);
    const rows = await statusRows(root);
    expect(Object.values(rows).every((r) => r.status === 'anchored' && r.reason === undefined && r.candidates === undefined)).toBe(true);
    writeFileSync(join(root, DOC), NEW);
    const text = (await cli(root, 'status')).out;
    expect(text).toMatch(/amb00001 .* ambiguous .*\(2 places match equally well: needs review; score [\d.]+\)\n/);
    expect(text).toMatch(/orp00001 .* orphaned .*\(quote not found.*\)\n/);
    expect(text).toMatch(/mov00001 .* moved .*\(quote found unchanged elsewhere in the document; score [\d.]+\)\n/);
  });

  it('with history, a quote deleted at its place is orphaned with the nearest places searched for', async () => {
    const root = workspace(OLD, true);
    const now = OLD.replace('It is said that the ministry plans to close two old coal plants by the end of 2030.\n', '') + 'Later the city may close two new coal plants as well.\n';
    writeFileSync(join(root, DOC), now);
    const report = JSON.parse((await cli(root, 'status', '--json')).out);
    expect(report.documents[0].usedOldText).toBe(true);
    const rows = await statusRows(root);
    expect(rows.orp00001).toMatchObject({ status: 'orphaned', start: null, end: null, reason: { code: 'quote-not-found' } });
    const [best] = rows.orp00001.candidates!;
    expect(now.slice(best.start, best.end)).toMatch(/close two new coal plants/);
    expect(rows.orp00001.score).toBe(best.score);
    expect(bestFirst(rows.orp00001.candidates!)).toBe(true);
  });
});
