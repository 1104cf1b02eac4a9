import * as path from 'node:path';
import type { CandidateFinder } from '../../core/entities/candidates/finder';

// Candidate names are a suggestion, not needed to start. The NLP finder (compromise) is a bundle of
// its own, dist/nlp.js, loaded on first use and never while activating; if it cannot be loaded, the
// built-in heuristic finds capitalised names and acronyms instead.

let loading: Promise<CandidateFinder> | undefined;

export function loadCandidateFinder(log?: (message: string) => void): Promise<CandidateFinder> {
  loading ??= (async () => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const nlp = require(path.join(__dirname, 'nlp.js')) as { compromiseCandidateFinder: CandidateFinder };
      return nlp.compromiseCandidateFinder;
    } catch (error) {
      log?.(`NLP candidate finder unavailable (${(error as Error).message}); using the built-in heuristic`);
      return (await import('../../core/entities/candidates/heuristic')).heuristicCandidateFinder;
    }
  })();
  return loading;
}
