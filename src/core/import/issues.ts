import { ImportIssue } from './draft';

// What the user reads after an import: one message per item, in file and line order (reading, placing and
// saving find problems at different times), and no warning for an item that was then refused anyway.

export interface OrderedIssue extends ImportIssue {
  severity: 'warning' | 'error';
}

/** `file:line` → [file, line]; origins without a line sort before that file's lines. */
function place(origin: string): [string, number] {
  const m = /^(.*):(\d+)$/.exec(origin);
  return m ? [m[1], Number(m[2])] : [origin.replace(/ \(annotation \d+\)$/, ''), 0];
}

export function orderIssues(failures: readonly ImportIssue[], warnings: readonly ImportIssue[]): OrderedIssue[] {
  const refused = new Set(failures.map((f) => f.origin));
  const all: OrderedIssue[] = [
    ...failures.map((f) => ({ ...f, severity: 'error' as const })),
    ...warnings.filter((w) => !refused.has(w.origin)).map((w) => ({ ...w, severity: 'warning' as const })),
  ];
  const seen = new Set<string>();
  return all
    .map((issue, i) => ({ issue, i, at: place(issue.origin) }))
    .sort((a, b) => (a.at[0] < b.at[0] ? -1 : a.at[0] > b.at[0] ? 1 : a.at[1] - b.at[1] || a.i - b.i))
    .map((x) => x.issue)
    .filter((issue) => {
      const key = `${issue.origin}\u0000${issue.reason}`;
      return !seen.has(key) && !!seen.add(key);
    });
}
