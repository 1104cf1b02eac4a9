// Every benchmark with tiny sizes through the same code, so `npm run bench` cannot rot. Checks that
// it runs and that the results are well formed, never timings.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMOKE_CONFIG } from '../../../bench/config';
import { writeReport } from '../../../bench/lib/report';
import type { Figure } from '../../../bench/lib/types';
import { activationFromLogs } from '../../../bench/suites/activation';
import { runSuites, SUITES } from '../../../bench/suites';

describe('benchmarks (smoke, tiny sizes)', () => {
  it('run every suite and produce well-formed figures, results.json and scaling.svg', async () => {
    const figures: Figure[] = await runSuites(SMOKE_CONFIG, { log: () => undefined });
    const suites = new Set(figures.map((f) => f.suite));
    for (const [name] of SUITES) if (name !== 'activation') expect(suites.has(name)).toBe(true);
    for (const f of figures) {
      expect(f.name.length).toBeGreaterThan(0);
      for (const v of [f.median, f.min, f.max, f.q1, f.q3]) expect(Number.isFinite(v)).toBe(true);
      expect(f.min).toBeLessThanOrEqual(f.median);
      expect(f.median).toBeLessThanOrEqual(f.max);
      expect(f.runs).toBeGreaterThan(0);
      if (f.target) expect(['pass', 'acceptable', 'miss']).toContain(f.verdict);
    }
    const names = figures.map((f) => `${f.suite}: ${f.name}`);
    expect(new Set(names).size).toBe(names.length);

    const dir = mkdtempSync(join(tmpdir(), 'pa-bench-smoke-'));
    try {
      writeReport(figures, dir, { partial: false, elapsedMs: 1 }, () => undefined);
      const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
      expect(results.machine.node).toBe(process.version);
      expect(results.figures).toHaveLength(figures.length);
      const svg = readFileSync(join(dir, 'scaling.svg'), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg.trim().endsWith('</svg>')).toBe(true);
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      for (const panel of ['scan: ms against chars', 'reanchor: ms against annotations', 'yaml: ms against annotations']) expect(svg).toContain(panel);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the activation time from an extension host log folder', () => {
    const userData = mkdtempSync(join(tmpdir(), 'pa-bench-logs-'));
    try {
      const host = join(userData, 'logs', '20261122T165647', 'exthost1');
      mkdirSync(join(host, 'policy-annotator.policy-annotator'), { recursive: true });
      writeFileSync(join(host, 'remoteexthost.log'), "2026-11-22 16:56:54.956 [info] ExtensionService#_doActivateExtension policy-annotator.policy-annotator, startup: false, activationEvent: 'onLanguage:plaintext'\n");
      writeFileSync(join(host, 'policy-annotator.policy-annotator', 'Policy Annotator.log'), '2026-11-22 16:56:55.680 [info] activated in 14.0 ms\n');
      expect(activationFromLogs(userData)).toEqual([{ activateMs: 14, loadAndActivateMs: 724 }]);
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
