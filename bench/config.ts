// Sizes for `npm run bench` (the brief's) and the tiny ones the smoke test uses.
import { join } from 'node:path';
import { KB, MB } from './lib/measure';
import type { BenchConfig } from './lib/types';

export const FULL_CONFIG: BenchConfig = {
  runs: 11,
  minRuns: 5,
  warmup: 2,
  budgetMs: 3000,
  scan: { docBytes: [100 * KB, MB, 10 * MB], aliasCounts: [100, 1000, 10_000], baselines: true },
  reanchor: { docBytes: MB, annotationCounts: [1000, 10_000], editCounts: [10, 100, 1000], baseline: true },
  yaml: { annotationCounts: [100, 1000, 10_000] },
  workspace: { documents: 1000, annotationsPerDocument: 100 },
  incremental: { docBytes: MB, annotations: 1000, mentions: 5000, aliases: 10_000 },
  activation: { bundle: true, vscode: true, vscodeRuns: 5 },
  seedsDir: join(process.cwd(), 'seeds'),
};

export const SMOKE_CONFIG: BenchConfig = {
  runs: 2,
  minRuns: 1,
  warmup: 1,
  budgetMs: 50,
  scan: { docBytes: [2 * KB, 8 * KB], aliasCounts: [10, 40], baselines: true },
  reanchor: { docBytes: 8 * KB, annotationCounts: [20], editCounts: [3, 10], baseline: true },
  yaml: { annotationCounts: [5, 20] },
  workspace: { documents: 12, annotationsPerDocument: 5 },
  incremental: { docBytes: 8 * KB, annotations: 20, mentions: 40, aliases: 40 },
  activation: { bundle: false, vscode: false, vscodeRuns: 5 },
  seedsDir: join(process.cwd(), 'seeds'),
};
