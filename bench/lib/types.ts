// What every suite returns: one Figure per measured quantity.

export type SuiteName = 'scan' | 'reanchor' | 'yaml' | 'workspace' | 'incremental' | 'activation';

export interface Stats {
  median: number;
  min: number;
  max: number;
  q1: number;
  q3: number;
  runs: number;
}

export interface Target {
  /** The figure must be at most this. */
  max: number;
  /** The least acceptable value, when the brief gives one (e.g. 20 ms for a 10 ms target). */
  acceptable?: number;
}

export type Verdict = 'pass' | 'acceptable' | 'miss';

export interface Figure extends Stats {
  suite: SuiteName;
  /** Human-readable, unique within the suite: "1 MB × 10000 aliases". */
  name: string;
  /** What is measured: "scan", "build", "load", "heap"... */
  metric: string;
  unit: 'ms' | 'MB' | 'KB' | 'B' | 'x' | '%';
  target?: Target;
  verdict?: Verdict;
  /** For the scaling plot: a series name and the size on the x axis. */
  series?: string;
  x?: number;
  xUnit?: string;
  /** Extra facts: ratios to baselines, status shares, bytes per annotation... */
  extra?: Record<string, number | string>;
}

/** Sizes and repetitions; the smoke test passes tiny ones. */
export interface BenchConfig {
  /** Repetitions after warm-up (adaptive: fewer for slow cases, never below minRuns). */
  runs: number;
  minRuns: number;
  warmup: number;
  /** Time budget per figure in ms; runs are cut to fit (never below minRuns). */
  budgetMs: number;
  scan: { docBytes: number[]; aliasCounts: number[]; baselines: boolean };
  reanchor: { docBytes: number; annotationCounts: number[]; editCounts: number[]; baseline: boolean };
  yaml: { annotationCounts: number[] };
  workspace: { documents: number; annotationsPerDocument: number };
  incremental: { docBytes: number; annotations: number; mentions: number; aliases: number };
  activation: { bundle: boolean; vscode: boolean; vscodeRuns: number };
  seedsDir: string;
}

export const verdictOf = (value: number, target: Target | undefined): Verdict | undefined => {
  if (!target) return undefined;
  if (value <= target.max) return 'pass';
  if (target.acceptable !== undefined && value <= target.acceptable) return 'acceptable';
  return 'miss';
};
