import { ANCHOR_STATUSES } from '../../core/model';
import { formatProblem } from '../../core/problem';
import { annotationStatus } from '../../core/services';
import { clip } from '../../core/text/clip';
import { CliCommand } from '../command';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../options';

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
    const { documents, totals, ok } = await annotationStatus({ ...workspaceFrom(values, io), paths: positionals, write: values.write });
    if (values.json) {
      io.out(JSON.stringify({ documents, totals }, null, 2) + '\n');
      return ok ? 0 : 1;
    }
    for (const d of documents) {
      io.out(`${d.document}  (${d.sidecar})${d.saved ? `  [${d.saved}]` : ''}\n`);
      for (const p of d.problems) io.out(`  ${formatProblem(p)}\n`);
      for (const a of d.annotations) {
        const detail = a.was !== undefined ? `"${clip(a.was)}" → "${clip(a.now ?? '')}"` : `"${clip(a.exact)}"`;
        io.out(`  ${a.id}  ${a.kind.padEnd(6)}  ${a.status.padEnd(9)}  ${detail}\n`);
      }
    }
    io.out(ANCHOR_STATUSES.map((s) => `${totals[s]} ${s}`).join(', ') + '\n');
    return ok ? 0 : 1;
  },
};
