import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStanceMap, renderStanceMapMarkdown, renderStanceMapSvg, type StanceMapDocument } from '../../../src/core/stanceMap';
import type { AnnotationSummary } from '../../../src/core/workspace/summaries';
import { cli } from '../cli/runCliCapture';

const ROOT = resolve(__dirname, '../../..');

let n = 0;
function stance(holder: string, target: string, polarity: AnnotationSummary['polarity'], extra: Partial<AnnotationSummary> = {}): AnnotationSummary {
  n++;
  return { id: `s${n}xx`, kind: 'stance', documentPath: '', exact: `words ${n}`, start: n * 10, end: n * 10 + 5, holder, target, polarity, author: 'Ann', modified: '2026-01-01T00:00:00Z', ...extra };
}

const docs: StanceMapDocument[] = [
  { documentPath: 'late.txt', metadata: { title: 'Late', published: '2025-07' }, annotations: [stance('author', 'topic:gba', 'oppose'), stance('party:critics', 'topic:gba', 'oppose')] },
  { documentPath: 'undated.txt', annotations: [stance('author', 'topic:gba', 'neutral')] },
  {
    documentPath: 'early.txt',
    metadata: { title: 'Early', published: '2018-11-17', authors: ['Jo Writer'] },
    annotations: [
      { id: 'c1xx', kind: 'claim', documentPath: '', exact: 'x', start: 0, end: 1, label: 'Data should flow', claimType: 'normative', speaker: 'author', author: 'Ann', modified: '' },
      stance('author', 'topic:gba', 'support'),
      stance('hk-gov', 'topic:gba', 'oppose', { author: 'Ben', tags: ['gov'] }),
      stance('hk-gov', 'hk-gov', 'support'),
      stance('author', '#c1xx', 'support'),
    ],
  },
];

describe('stance map service', () => {
  const map = buildStanceMap({ documents: docs, entityName: (id) => (id === 'hk-gov' ? 'HK Government' : undefined) });

  it('orders documents by date of publication, undated last', () => {
    expect(map.columns.map((c) => c.title)).toEqual(['Early', 'Late', 'undated.txt']);
  });

  it('makes topics, then entities, then claims rows, and folds holders into one polarity per cell', () => {
    expect(map.rows.map((r) => [r.kind, r.label])).toEqual([
      ['topic', 'gba'],
      ['entity', 'HK Government'],
      ['claim', 'Data should flow'],
    ]);
    const [early, late, undated] = map.rows[0].cells;
    expect(early.polarity).toBe('mixed');
    expect(early.counts).toEqual({ support: 1, oppose: 1, neutral: 0, mixed: 0 });
    expect(early.holders).toEqual(['HK Government', 'Jo Writer']);
    expect(late.polarity).toBe('oppose');
    expect(late.holders).toEqual(['critics', 'the author']);
    expect(undated.polarity).toBe('neutral');
    expect(early.description).toBe('gba in Early: mixed (1 support, 1 oppose) by HK Government, Jo Writer');
    expect(map.rows[2].key).toBe('early.txt#c1xx');
    expect(map.totals).toEqual({ stances: 7, cells: 5, documents: 3, rows: 3 });
  });

  it('filters by annotator, holder and tag, and still lists every value the filters can take', () => {
    expect(buildStanceMap({ documents: docs, filters: { authors: ['Ben'] } }).totals.stances).toBe(1);
    expect(buildStanceMap({ documents: docs, filters: { holders: ['party:critics'] } }).rows[0].cells.map((c) => c.column)).toEqual([1]);
    const tagged = buildStanceMap({ documents: docs, filters: { tags: ['gov'] } });
    expect(tagged.totals.stances).toBe(1);
    expect(tagged.available.authors).toEqual(['Ann', 'Ben']);
    expect(tagged.available.tags).toEqual(['gov']);
    expect(tagged.available.holders.map((h) => h.key)).toEqual(['party:critics', 'hk-gov', 'author']);
  });

  it('renders Markdown and SVG (grid and timeline) with text alternatives', () => {
    const md = renderStanceMapMarkdown(map);
    expect(md).toContain('| gba | ±2 mixed<br>HK Government, Jo Writer | −2 oppose<br>critics, the author | ○1 neutral<br>the author |');
    const grid = renderStanceMapSvg(map);
    expect(grid).toContain('role="img"');
    expect(grid).toContain('<title>gba in Early: mixed (1 support, 1 oppose) by HK Government, Jo Writer</title>');
    const timeline = renderStanceMapSvg(map, { mode: 'timeline' });
    expect(timeline).toContain('>2018<');
    expect(timeline).toContain('Undated documents are not plotted.');
    expect(timeline.match(/<circle/g)!.length).toBe(4);
  });
});

describe('policy-annotator map on the reference corpus', () => {
  it('shows the seven topics across the five seeds in date order', async () => {
    const { code, out } = await cli(ROOT, 'map', '--format', 'json');
    expect(code).toBe(0);
    const map = JSON.parse(out);
    expect(map.columns.map((c: { date: string }) => c.date)).toEqual(['2018-11-17', '2022-01', '2023-04', '2023-10-16', '2025-07']);
    expect(map.rows.filter((r: { kind: string }) => r.kind === 'topic')).toHaveLength(7);
    expect(map.totals).toEqual({ stances: 34, cells: 28, documents: 5, rows: 11 });
    const trends = map.rows.find((r: { label: string }) => r.label === 'following mainland industrial trends');
    expect(trends.cells.map((c: { polarity: string }) => c.polarity)).toEqual(['oppose', 'support', 'oppose']);
  });

  it('rejects an unknown format with usage exit 2', async () => {
    const { code, err } = await cli(ROOT, 'map', '--format', 'png');
    expect(code).toBe(2);
    expect(err).toContain("unknown format 'png'");
  });
});
