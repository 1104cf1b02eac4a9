// Timing helpers: warm up, repeat, report median and spread. Times in ms from process.hrtime.bigint.
import type { BenchConfig, Figure, Stats, Target } from './types';
import { verdictOf } from './types';

export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => {
    const pos = (s.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  };
  return { median: at(0.5), min: s[0], max: s[s.length - 1], q1: at(0.25), q3: at(0.75), runs: s.length };
}

export interface SampleOptions {
  runs: number;
  minRuns: number;
  warmup: number;
  budgetMs: number;
}

export const sampleOptions = (c: BenchConfig, overrides: Partial<SampleOptions> = {}): SampleOptions => ({
  runs: c.runs,
  minRuns: c.minRuns,
  warmup: c.warmup,
  budgetMs: c.budgetMs,
  ...overrides,
});

/**
 * Times `fn` after warm-up. `prepare` runs untimed before each call (fresh inputs). The number of
 * runs shrinks to fit the budget, judged from the warm-up, but never below minRuns.
 */
export async function sample<T>(fn: (input: T) => unknown, o: SampleOptions, prepare?: () => T): Promise<Stats> {
  let first = o.budgetMs / o.runs;
  for (let i = 0; i < o.warmup; i++) {
    const input = prepare ? prepare() : (undefined as T);
    const t0 = nowMs();
    await fn(input);
    first = nowMs() - t0;
  }
  const runs = Math.max(o.minRuns, Math.min(o.runs, Math.floor(o.budgetMs / Math.max(first, 1e-3))));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = prepare ? prepare() : (undefined as T);
    const t0 = nowMs();
    await fn(input);
    times.push(nowMs() - t0);
  }
  return stats(times);
}

/**
 * Times several functions in alternation, one call of each per round, so a change in the
 * machine's load during the run weighs on all of them alike: ratios between them are fair.
 * Runs shrink to fit the budget as in `sample`, never below minRuns.
 */
export function sampleInterleaved(fns: Record<string, () => unknown>, o: SampleOptions): Record<string, Stats> {
  const names = Object.keys(fns);
  let round = o.budgetMs / o.runs;
  for (let i = 0; i < o.warmup; i++) {
    const t0 = nowMs();
    for (const name of names) fns[name]();
    round = nowMs() - t0;
  }
  const runs = Math.max(o.minRuns, Math.min(o.runs, Math.floor(o.budgetMs / Math.max(round, 1e-3))));
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) {
    // Rotate the order too, so no function always runs right after the same other one.
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length];
      const t0 = nowMs();
      fns[name]();
      times[name].push(nowMs() - t0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, stats(times[n])]));
}

/**
 * Longest stretch the event loop could not run a setImmediate callback while `work` ran: the
 * longest synchronous stretch as the extension host would feel it (plus the probe's own µs).
 */
export async function longestStretch<T>(work: () => Promise<T>, onTick?: () => void): Promise<{ result: T; longestMs: number; totalMs: number; ticks: number }> {
  let last = nowMs();
  let longest = 0;
  let ticks = 0;
  let running = true;
  const tick = (): void => {
    const t = nowMs();
    longest = Math.max(longest, t - last);
    last = t;
    ticks++;
    onTick?.();
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const t0 = nowMs();
  const result = await work();
  const totalMs = nowMs() - t0;
  running = false;
  longest = Math.max(longest, nowMs() - last);
  // Let the last tick run, so nothing of this call (the work's closures) outlives it.
  await new Promise((resolve) => setImmediate(resolve));
  return { result, longestMs: longest, totalMs, ticks };
}

export function figure(base: Omit<Figure, keyof Stats | 'verdict'> & { target?: Target }, s: Stats): Figure {
  return { ...base, ...s, verdict: verdictOf(s.median, base.target) };
}

export const MB = 1024 * 1024;
export const KB = 1024;

export function sizeLabel(bytes: number): string {
  if (bytes >= MB) return `${+(bytes / MB).toFixed(1)} MB`;
  if (bytes >= KB) return `${+(bytes / KB).toFixed(0)} KB`;
  return `${bytes} B`;
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
