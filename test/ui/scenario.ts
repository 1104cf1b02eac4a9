import type { Workbench } from './workbench';

/**
 * One UI scenario: a file test/ui/scenarios/<name>.ts whose default export is a Scenario (see
 * scenarios/seed-open.ts). scripts/test-ui.mjs finds it by itself, no list to edit; run it alone with
 * `PA_UI_GREP=<name> npm run test:ui`. Each one gets a fresh code-server with the extension installed, a
 * fresh copy of the workspace and a fresh 1400x900 page with the workbench loaded, so it may change
 * anything. Drive it through Workbench (workbench.ts: openFile, runCommand, activeEditorLines, screenshot,
 * ...; add helpers there rather than selectors in scenarios). It fails by throwing (node:assert is fine);
 * the runner then saves test-results/ui-failure-<name>.png.
 */
export interface Scenario {
  /** Short, file-name-safe name shown in the report. */
  name: string;
  /** What a user does and sees, in one line. */
  description: string;
  /** Default 90 s, including loading the workbench. */
  timeoutMs?: number;
  /** Open policy-annotator.code-workspace (what `npm start` opens) instead of the folder. */
  startsLikeNpmStart?: boolean;
  run(workbench: Workbench): Promise<void>;
}
