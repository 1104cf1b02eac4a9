import type { Workbench } from './workbench';

/**
 * One UI scenario: a file test/ui/scenarios/<name>.ts whose default export is a Scenario. Each one gets a
 * fresh code-server, a fresh copy of the workspace and a fresh browser page with the workbench loaded, so
 * it may change anything. It fails by throwing (node:assert is fine); the runner then saves
 * test-results/ui-failure-<name>.png.
 */
export interface Scenario {
  /** Short, file-name-safe name shown in the report. */
  name: string;
  /** What a user does and sees, in one line. */
  description: string;
  /** Default 90 s, including loading the workbench. */
  timeoutMs?: number;
  run(workbench: Workbench): Promise<void>;
}
