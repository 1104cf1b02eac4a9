// `npm run bench`: every benchmark, a table on the terminal, bench/results.json and bench/scaling.svg.
// BENCH_ONLY=scan,yaml runs a subset (its results go to out/bench/); BENCH_SKIP_VSCODE=1 skips the
// code-server activation run.
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { FULL_CONFIG } from './config';
import { runSuites } from './suites';
import { writeReport } from './lib/report';

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
  const config = { ...FULL_CONFIG, activation: { ...FULL_CONFIG.activation, vscode: !process.env.BENCH_SKIP_VSCODE } };
  const started = Date.now();
  const loadAtStart = +loadavg()[0].toFixed(2);
  console.log(`load average ${loadAtStart} on ${config.runs} runs per figure (other work on the machine makes figures noisy)`);
  const figures = await runSuites(config, { only, log: (s) => console.log(s) });
  const dir = join(process.cwd(), only ? 'out/bench' : 'bench');
  mkdirSync(dir, { recursive: true });
  writeReport(figures, dir, { partial: Boolean(only), elapsedMs: Date.now() - started, loadAtStart }, (s) => console.log(s));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
