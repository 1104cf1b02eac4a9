import { DiffReport } from './sidecarDiff';

/** The report as JSON, with a format marker so scripts can check what they read. Absent values are null. */
export function renderDiffJson(report: DiffReport): string {
  return JSON.stringify({ format: 'policy-annotator/diff', version: 1, ...report }, (_k, v: unknown) => (v === undefined ? null : v), 2) + '\n';
}
