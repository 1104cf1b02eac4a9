// Heap figures: a real gc() (exposed at run time, so `node out/bench/run.js` needs no flag) and a peak sampler.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gcFn: (() => void) | undefined;

export function forceGc(): void {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
}

export const heapMB = (): number => process.memoryUsage().heapUsed / (1024 * 1024);
