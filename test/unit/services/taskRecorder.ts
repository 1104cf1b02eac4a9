import { ProgressStep, TaskControl } from '../../../src/core/ports/progress';

/** A TaskControl that records every progress step and, with `cancelAt`, cancels once that many steps were reported. */
export function taskRecorder(cancelAt?: number): { steps: ProgressStep[]; control: TaskControl } {
  const steps: ProgressStep[] = [];
  return {
    steps,
    control: {
      progress: { report: (step) => void steps.push(step) },
      signal: {
        get cancelled() {
          return cancelAt !== undefined && steps.length >= cancelAt;
        },
      },
    },
  };
}
