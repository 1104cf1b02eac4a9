// Progress and cancellation of a long task, the same for every core service. The editor adapts VS Code's
// progress notification and cancellation token to these; the CLI passes nothing (no progress, never cancelled).

export interface ProgressStep {
  /** What is being worked on, e.g. the document path. */
  message: string;
  /** Steps finished so far, out of `total`. */
  done: number;
  total: number;
}

export interface Progress {
  report(step: ProgressStep): void;
}

export interface CancellationSignal {
  readonly cancelled: boolean;
}

/** What a service is given to report progress and notice cancellation; both optional. */
export interface TaskControl {
  progress?: Progress;
  signal?: CancellationSignal;
}

/** Thrown by a service that stopped because it was cancelled, before it wrote anything it had not finished. */
export class CancelledError extends Error {
  constructor(what: string) {
    super(`${what} cancelled`);
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(control: TaskControl | undefined, what: string): void {
  if (control?.signal?.cancelled) throw new CancelledError(what);
}
