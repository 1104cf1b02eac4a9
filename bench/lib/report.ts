// The terminal table and bench/results.json (+ bench/scaling.svg).
import { cpus, loadavg, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scalingSvg } from './svg';
import type { Figure } from './types';

export interface RunInfo {
  partial: boolean;
  elapsedMs: number;
  /** Load average when the run started (machineInfo gives the one at the end). */
  loadAtStart?: number;
}

export function machineInfo(): Record<string, string | number> {
  const cpu = cpus();
  // The load average says whether other work shared the machine during the run (it makes figures noisy).
  return { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}`, loadAverage1m: +loadavg()[0].toFixed(2) };
}

const fmt = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.suite,
    f.name,
    `${fmt(f.median)} ${f.unit}`,
    `${fmt(f.min)}–${fmt(f.max)}`,
    String(f.runs),
    f.target ? `≤ ${f.target.max}${f.target.acceptable ? ` (≤ ${f.target.acceptable})` : ''} ${f.unit}` : '',
    f.verdict ?? '',
    extraText(f),
  ]);
  const head = ['suite', 'figure', 'median', 'min–max', 'n', 'target', 'verdict', 'notes'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 7 ? 0 : r[i].length))));
  const line = (r: string[]): string => r.map((cell, i) => (i === 7 ? cell : cell.padEnd(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w)).concat('-----')), ...rows.map(line)].join('\n');
}

function extraText(f: Figure): string {
  if (!f.extra) return '';
  return Object.entries(f.extra)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`)
    .join(' ');
}

export function writeReport(figures: Figure[], dir: string, info: RunInfo, log: (s: string) => void): void {
  log('\n' + table(figures));
  const misses = figures.filter((f) => f.verdict === 'miss');
  log(`\n${figures.filter((f) => f.target).length} targets: ${figures.filter((f) => f.verdict === 'pass').length} met, ${figures.filter((f) => f.verdict === 'acceptable').length} acceptable, ${misses.length} missed` + (misses.length ? ` (${misses.map((f) => `${f.suite}: ${f.name}`).join('; ')})` : ''));
  const results = { date: new Date().toISOString(), machine: { ...machineInfo(), loadAverageAtStart: info.loadAtStart }, partial: info.partial, elapsedSeconds: Math.round(info.elapsedMs / 1000), figures };
  writeFileSync(join(dir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(dir, 'scaling.svg'), scalingSvg(figures));
  log(`wrote ${join(dir, 'results.json')} and scaling.svg (${Math.round(info.elapsedMs / 1000)} s)`);
}
