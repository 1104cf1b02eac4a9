// 2. Re-anchoring after random edits: reanchorAll with the old text (one diff maps every span), its
// chunked form's longest synchronous stretch, and the web-annotator baseline (quote search per annotation).
import { reanchorAll, reanchorAllChunked, reanchorByQuote } from '../../src/core/anchoring';
import type { Anchor } from '../../src/core/model';
import { generateAnnotations, randomEdits } from '../lib/annotations';
import { figure, longestStretch, sample, sampleOptions, sizeLabel, stats } from '../lib/measure';
import { rng } from '../lib/prng';
import { generateText, seedSentences } from '../lib/text';
import type { BenchConfig, Figure } from '../lib/types';

/** What web annotators do: check the stored position, else search the whole text for the quote. */
export function baselineReanchor(anchors: readonly Anchor[], newText: string): number {
  let found = 0;
  for (const a of anchors) {
    if (newText.startsWith(a.exact, a.start)) found++;
    else if (reanchorByQuote(a, newText).status !== 'orphaned') found++;
  }
  return found;
}

export async function runReanchor(c: BenchConfig, log: (s: string) => void): Promise<Figure[]> {
  const out: Figure[] = [];
  const text = generateText(seedSentences(c.seedsDir), c.reanchor.docBytes, rng(42));
  for (const count of c.reanchor.annotationCounts) {
    const anchors = generateAnnotations(text, count, rng(count)).map((a) => a.anchor);
    for (const edits of c.reanchor.editCounts) {
      const { text: newText } = randomEdits(text, edits, rng(edits * 31 + count));
      const results = reanchorAll(anchors, newText, text);
      const share = (status: string): number => (100 * results.filter((r) => r.status === status).length) / results.length;
      const extra: Record<string, number | string> = { anchored: share('anchored'), moved: share('moved'), fuzzy: share('fuzzy'), ambiguous: share('ambiguous'), orphaned: share('orphaned') };
      const s = await sample(() => reanchorAll(anchors, newText, text), sampleOptions(c, { runs: Math.min(c.runs, 9) }));
      const stretches: number[] = [];
      for (let i = 0; i < Math.max(c.minRuns, 3); i++) stretches.push((await longestStretch(() => reanchorAllChunked(anchors, newText, text))).longestMs);
      const stretch = stats(stretches);
      extra.longestStretchMs = stretch.median;
      if (c.reanchor.baseline) {
        // Slow by design: a few runs are enough for the ratio.
        const runs = count * edits >= 1_000_000 ? 1 : 3;
        const b = await sample(() => baselineReanchor(anchors, newText), sampleOptions(c, { runs, minRuns: 1, warmup: 0, budgetMs: c.budgetMs }));
        extra.baselineMs = b.median;
        extra['baseline/ours'] = b.median / s.median;
      }
      const main = count === 10_000 && edits === 100;
      out.push(figure({ suite: 'reanchor', name: `${count} annotations, ${edits} edits, ${sizeLabel(c.reanchor.docBytes)}`, metric: 'reanchorAll', unit: 'ms', target: main ? { max: 100 } : undefined, series: `${edits} edits`, x: count, xUnit: 'annotations', extra }, s));
      out.push(figure({ suite: 'reanchor', name: `${count} annotations, ${edits} edits: longest synchronous stretch (chunked)`, metric: 'stretch', unit: 'ms', target: { max: 50 } }, stretch));
      log(`reanchor: ${count} × ${edits} edits ${s.median.toFixed(1)} ms, stretch ${stretch.median.toFixed(1)} ms, baseline ${extra.baselineMs === undefined ? '-' : (+extra.baselineMs).toFixed(0)} ms; anchored ${share('anchored').toFixed(1)}% moved ${share('moved').toFixed(1)}% fuzzy ${share('fuzzy').toFixed(1)}% orphaned ${share('orphaned').toFixed(1)}%`);
    }
  }
  return out;
}
