// Progress and cancellation for long core services: the editor maps it onto withProgress and a
// cancellation token, the CLI passes NO_PROGRESS. Services call `step` between units of work.

export interface ProgressPort {
  /** `done` of `total` units of work are finished; `message` names the current one. */
  report(done: number, total: number, message?: string): void;
  /** True once the user asked to stop: the service throws CancelledError at its next step. */
  isCancelled(): boolean;
}

export const NO_PROGRESS: ProgressPort = { report: () => undefined, isCancelled: () => false };

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Reports and throws CancelledError when cancelled. */
export function step(progress: ProgressPort, done: number, total: number, message?: string): void {
  if (progress.isCancelled()) throw new CancelledError();
  progress.report(done, total, message);
}
