// 4. Workspace index: 1,000 sidecars of 100 annotations on disk, loaded cold (no cache) and warm
// (cache file valid), with the longest synchronous stretch and the peak heap while loading.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { nodeFileSystem } from '../../src/core/ports/nodeFileSystem';
import { writeSidecar } from '../../src/core/store/writeSidecar';
import { clearLayoutCache } from '../../src/core/yaml/layoutCache';
import { WorkspaceIndex } from '../../src/core/workspace/workspaceIndex';
import { generateAnnotations } from '../lib/annotations';
import { forceGc, heapMB } from '../lib/heap';
import { figure, longestStretch, sample, sampleOptions, stats } from '../lib/measure';
import { nodeLister } from '../../src/core/ports/nodeDirectoryLister';
import { rng } from '../lib/prng';
import { generateText, seedSentences } from '../lib/text';
import type { BenchConfig, Figure } from '../lib/types';

const ENTITIES = Array.from({ length: 200 }, (_, i) => `entity-${i}`);

/** Writes the workspace; returns its root and the total sidecar bytes. */
export function makeWorkspace(c: BenchConfig): { root: string; bytes: number } {
  const root = mkdtempSync(join(tmpdir(), 'pa-bench-ws-'));
  const text = generateText(seedSentences(c.seedsDir), 200_000, rng(5));
  let bytes = 0;
  for (let d = 0; d < c.workspace.documents; d++) {
    const documentPath = `policies/group-${d % 20}/doc-${d}.txt`;
    const annotations = generateAnnotations(text, c.workspace.annotationsPerDocument, rng(10_000 + d), ENTITIES, documentPath);
    const yaml = writeSidecar({ schemaVersion: 1, document: documentPath, fingerprint: 'a'.repeat(40), annotations });
    const file = join(root, 'annotations', `${documentPath}.yaml`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, yaml);
    bytes += Buffer.byteLength(yaml);
  }
  return { root, bytes };
}

async function loadOnce(root: string, cacheFile: string): Promise<{ ms: number; stretch: number; before: number; peak: number; retained: number; progress: number; annotations: number; fromCache: number }> {
  // The store's layout cache may still hold the YAML suite's 10,000-annotation files: not the index's.
  clearLayoutCache();
  forceGc();
  const before = heapMB();
  let peak = before;
  let progress = 0;
  const index = new WorkspaceIndex({ fs: nodeFileSystem, lister: nodeLister, root, cacheFile });
  const run = await longestStretch(
    () => index.load(() => progress++),
    () => (peak = Math.max(peak, heapMB())),
  );
  peak = Math.max(peak, heapMB());
  forceGc();
  const retained = heapMB();
  return { ms: run.totalMs, stretch: run.longestMs, before, peak, retained, progress, annotations: index.annotationCount, fromCache: run.result.fromCache };
}

/** One sidecar changed on disk: updateDocument re-reads it and re-indexes its annotations. */
async function updateOne(root: string, cacheFile: string, c: BenchConfig): Promise<Figure> {
  const index = new WorkspaceIndex({ fs: nodeFileSystem, lister: nodeLister, root, cacheFile });
  await index.load();
  const documentPath = index.documents()[0].documentPath;
  const s = await sample(() => index.updateDocument(documentPath), sampleOptions(c, { runs: Math.max(c.runs, 15) }));
  return figure({ suite: 'workspace', name: `updateDocument (one sidecar of ${c.workspace.annotationsPerDocument} annotations)`, metric: 'update', unit: 'ms' }, s);
}

export async function runWorkspace(c: BenchConfig, log: (s: string) => void): Promise<Figure[]> {
  const { documents, annotationsPerDocument } = c.workspace;
  const t0 = performance.now();
  const { root, bytes } = makeWorkspace(c);
  log(`workspace: generated ${documents} sidecars (${(bytes / 2 ** 20).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const cacheFile = join(root, '.cache', 'index.jsonl');
  const out: Figure[] = [];
  try {
    const label = `${documents} documents × ${annotationsPerDocument} annotations`;
    for (const mode of ['cold', 'warm'] as const) {
      const runs: Awaited<ReturnType<typeof loadOnce>>[] = [];
      const n = Math.max(c.minRuns, mode === 'cold' ? 3 : 5);
      if (mode === 'warm') await loadOnce(root, cacheFile); // warm-up, and makes sure the cache exists
      for (let i = 0; i < n; i++) {
        if (mode === 'cold') rmSync(cacheFile, { force: true });
        runs.push(await loadOnce(root, cacheFile));
      }
      const r = runs[0];
      const extra = { annotations: r.annotations, fromCache: r.fromCache, progressCalls: r.progress, sidecarMB: +(bytes / 2 ** 20).toFixed(1) };
      out.push(
        figure({ suite: 'workspace', name: `${mode} load, ${label}`, metric: 'load', unit: 'ms', target: { max: mode === 'cold' ? 10_000 : 1000 }, extra }, stats(runs.map((x) => x.ms))),
        figure({ suite: 'workspace', name: `${mode} load: longest synchronous stretch`, metric: 'stretch', unit: 'ms', target: { max: 50 } }, stats(runs.map((x) => x.stretch))),
        figure({ suite: 'workspace', name: `${mode} load: peak heap (heapUsed, whole process)`, metric: 'heap', unit: 'MB', target: { max: 300 }, extra: { heapBeforeMB: +stats(runs.map((x) => x.before)).median.toFixed(1) } }, stats(runs.map((x) => x.peak))),
        figure({ suite: 'workspace', name: `${mode} load: heap retained after`, metric: 'heap', unit: 'MB' }, stats(runs.map((x) => x.retained))),
      );
      if (mode === 'warm') out.push(await updateOne(root, cacheFile, c));
      const m = stats(runs.map((x) => x.ms)).median;
      log(`workspace: ${mode} ${m.toFixed(0)} ms, stretch ${stats(runs.map((x) => x.stretch)).median.toFixed(1)} ms, peak heap ${stats(runs.map((x) => x.peak)).median.toFixed(0)} MB, retained ${stats(runs.map((x) => x.retained)).median.toFixed(0)} MB`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return out;
}
