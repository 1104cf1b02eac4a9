// Runs the suites in order; each is independent and returns its figures.
import type { BenchConfig, Figure, SuiteName } from '../lib/types';
import { runActivation } from './activation';
import { runIncremental } from './incremental';
import { runReanchor } from './reanchor';
import { runScan } from './scan';
import { runWorkspace } from './workspace';
import { runYaml } from './yaml';

type Suite = (c: BenchConfig, log: (s: string) => void) => Promise<Figure[]>;

export const SUITES: Array<[SuiteName, Suite]> = [
  ['scan', runScan],
  ['reanchor', runReanchor],
  ['yaml', runYaml],
  ['workspace', runWorkspace],
  ['incremental', runIncremental],
  ['activation', runActivation],
];

export async function runSuites(c: BenchConfig, o: { only?: string[]; log: (s: string) => void }): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [name, suite] of SUITES) {
    if (o.only && !o.only.includes(name)) continue;
    o.log(`== ${name}`);
    figures.push(...(await suite(c, o.log)));
  }
  return figures;
}
