import type { CandidateFinder } from '../../core/entities/candidates/finder';

// Candidate names are a suggestion, not needed to start: the finder is loaded on first use, off the
// activation path (esbuild keeps a dynamically imported module uninitialised until then).

let loading: Promise<CandidateFinder> | undefined;

export function loadCandidateFinder(): Promise<CandidateFinder> {
  loading ??= import('../../core/entities/candidates/heuristic').then((m) => m.heuristicCandidateFinder);
  return loading;
}
