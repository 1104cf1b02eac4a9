// 1. Entity scan: the Aho-Corasick entity index against an alternation RegExp and the `ahocorasick` package.
import AhoCorasick from 'ahocorasick';
import { buildEntityIndex } from '../../src/core/entities';
import { generateCatalogue } from '../lib/catalogue';
import { figure, MB, sample, sampleInterleaved, sampleOptions, sizeLabel } from '../lib/measure';
import { rng } from '../lib/prng';
import { generateText, seedSentences } from '../lib/text';
import type { BenchConfig, Figure, Stats } from '../lib/types';

/** Characters per woven-in name in generated documents. */
const CHARS_PER_NAME = 400;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One big alternation, longest first (so it prefers longer names), with word boundaries. */
export function alternation(aliases: readonly string[], flags: string): RegExp {
  const sorted = [...aliases].sort((a, b) => b.length - a.length);
  return new RegExp(`\\b(?:${sorted.map(escapeRe).join('|')})\\b`, flags);
}

export function countRegex(re: RegExp, text: string): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) n++;
  return n;
}

export async function runScan(c: BenchConfig, log: (s: string) => void): Promise<Figure[]> {
  const out: Figure[] = [];
  const sentences = seedSentences(c.seedsDir);
  const maxAliases = Math.max(...c.scan.aliasCounts);
  const { aliases: allNames } = generateCatalogue(maxAliases);
  // Each text as a document arrives, read from a file (one flat string), not the rope that
  // joining generated pieces leaves: V8 reads a rope more slowly from JavaScript, while a
  // RegExp flattens it once, so a rope would measure the generator, not the matchers.
  const asRead = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');
  const docs = c.scan.docBytes.map((bytes) => ({ bytes, text: asRead(generateText(sentences, bytes, rng(1000 + bytes), { names: allNames, charsPerName: CHARS_PER_NAME })) }));

  for (const count of c.scan.aliasCounts) {
    const { catalogue, aliases } = generateCatalogue(count);
    const build = await sample(() => buildEntityIndex(catalogue), sampleOptions(c, { runs: Math.min(c.runs, 7) }));
    out.push(figure({ suite: 'scan', name: `build index, ${count} aliases`, metric: 'build', unit: 'ms', target: count === 10_000 ? { max: 200 } : undefined, series: 'index build', x: count, xUnit: 'aliases' }, build));
    log(`scan: build ${count} aliases ${build.median.toFixed(1)} ms`);
    const index = buildEntityIndex(catalogue);
    const reI = c.scan.baselines ? alternation(aliases, 'gi') : undefined;
    const re = c.scan.baselines ? alternation(aliases, 'g') : undefined;
    let ac: AhoCorasick | undefined;
    let acBuildMs = 0;
    if (c.scan.baselines) {
      const t0 = performance.now();
      ac = new AhoCorasick(aliases);
      acBuildMs = performance.now() - t0;
    }
    for (const { bytes, text } of docs) {
      const mentions = index.scan(text).length;
      const is1MB10k = bytes === MB && count === 10_000;
      const extra: Record<string, number | string> = { mentions };
      let s: Stats;
      if (reI && re && ac) {
        // The done-when figure: ours against the fastest baseline, timed in alternation with
        // it (the same runs each, the same load), so the ratio holds on a busy machine too.
        const t = sampleInterleaved({ ours: () => index.scan(text), ri: () => countRegex(reI, text), rs: () => countRegex(re, text), ac: () => ac!.search(text) }, sampleOptions(c));
        s = t.ours;
        const [ri, rs, acs] = [t.ri, t.rs, t.ac];
        const fastest = Math.min(ri.median, rs.median, acs.median);
        Object.assign(extra, {
          'ours/fastest': s.median / fastest,
          fastest: fastest === ri.median ? 'regex-i' : fastest === rs.median ? 'regex' : 'ahocorasick',
          regexIMs: ri.median,
          regexMs: rs.median,
          ahocorasickMs: acs.median,
          ahocorasickBuildMs: acBuildMs,
          'regex-i/ours': ri.median / s.median,
          'regex/ours': rs.median / s.median,
          'ahocorasick/ours': acs.median / s.median,
        });
      } else s = await sample(() => index.scan(text), sampleOptions(c));
      out.push(
        figure(
          { suite: 'scan', name: `scan ${sizeLabel(bytes)} × ${count} aliases`, metric: 'scan', unit: 'ms', target: is1MB10k ? { max: 10, acceptable: 20 } : undefined, series: `scan, ${count} aliases`, x: bytes, xUnit: 'chars', extra },
          s,
        ),
      );
      log(`scan: ${sizeLabel(bytes)} × ${count}: ${s.median.toFixed(2)} ms${extra.regexIMs !== undefined ? ` (regex/i ${(+extra.regexIMs).toFixed(1)}, regex ${(+extra.regexMs).toFixed(1)}, ahocorasick ${(+extra.ahocorasickMs).toFixed(1)}; ours/fastest ${(+extra['ours/fastest']).toFixed(2)})` : ''}`);
    }
  }
  return out;
}
