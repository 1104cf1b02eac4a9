import { ANCHOR_STATUSES, AnchorStatus } from '../../core/model';
import { formatProblem } from '../../core/problem';
import { anchorDocuments, git } from '../anchorDocuments';
import { CliCommand } from '../command';
import { documentsFromArgs } from '../findSidecars';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../options';
import { clip } from '../../core/text/clip';

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 're-anchor every annotation against the current text and list the result',
  usage: [
    'Usage: policy-annotator status [options] [paths...]',
    '',
    'Re-anchors each sidecar against its document as it is now and lists every annotation with its',
    'result: anchored, moved, fuzzy (words changed: needs review), ambiguous (needs review) or orphaned',
    '(its words are gone; kept, to re-attach by hand). With --write, the updated selectors and the',
    "document's fingerprint are saved; annotations that need review are marked so in the sidecar.",
    '',
    'Options:',
    WORKSPACE_USAGE,
    '  --write                 save the re-anchored sidecars (never over a sidecar that has errors)',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { ...WORKSPACE_OPTIONS, write: { type: 'boolean' } });
    const ws = workspaceFrom(values, io);
    const { store, reports } = await anchorDocuments(ws, await documentsFromArgs(ws, positionals, io.cwd));
    const totals = Object.fromEntries(ANCHOR_STATUSES.map((s) => [s, 0])) as Record<AnchorStatus, number>;
    const json: unknown[] = [];
    let failed = false;

    for (const report of reports) {
      const saved = values.write && report.anchored ? await save(report) : undefined;
      const annotations = (report.anchored?.outcomes ?? []).map((o) => {
        totals[o.status]++;
        const annotation = report.anchored!.sidecar.annotations.find((a) => a.id === o.id)!;
        return { ...o, kind: annotation.kind, exact: annotation.anchor.exact, start: annotation.anchor.start, end: annotation.anchor.end };
      });
      json.push({ document: report.documentPath, sidecar: report.loaded.name, usedOldText: report.anchored?.usedOldText ?? false, saved, problems: report.problems, annotations });
      if (values.json) continue;
      io.out(`${report.documentPath}  (${report.loaded.name})${saved ? `  [${saved}]` : ''}\n`);
      for (const p of report.problems) io.out(`  ${formatProblem(p)}\n`);
      for (const a of annotations) {
        const detail = a.was !== undefined ? `"${clip(a.was)}" → "${clip(a.now ?? '')}"` : `"${clip(a.exact)}"`;
        io.out(`  ${a.id}  ${a.kind.padEnd(6)}  ${a.status.padEnd(9)}  ${detail}\n`);
      }
    }
    if (values.json) io.out(JSON.stringify({ documents: json, totals }, null, 2) + '\n');
    else io.out(ANCHOR_STATUSES.map((s) => `${totals[s]} ${s}`).join(', ') + '\n');
    return failed || reports.some((r) => r.problems.some((p) => p.severity === 'error')) ? 1 : 0;

    async function save(report: (typeof reports)[number]): Promise<string> {
      const outcome = await store.save(report.loaded, report.anchored!.sidecar);
      if (outcome.kind === 'refused') {
        failed = true;
        return 'not written: the sidecar has errors';
      }
      if (outcome.kind !== 'unchanged') await git.storeBlob(ws.root, report.documentBytes!);
      return outcome.kind === 'merged' ? `written, merged with a change made meanwhile${outcome.conflicts.length ? ` (${outcome.conflicts.length} conflicts)` : ''}` : outcome.kind;
    }
  },
};

