import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ANCHOR_STATUSES } from '../../core/model';
import { formatProblem } from '../../core/problem';
import { annotationStatus, StatusResult, workspacesStatus } from '../../core/services';
import { clip } from '../../core/text/clip';
import { CliCommand, CliIo, UsageError } from '../command';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../options';

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 're-anchor every annotation against the current text and list the result',
  usage: [
    'Usage: policy-annotator status [options] [paths...]',
    '       policy-annotator status --root DIR --root DIR... | --batch FILE [options] [paths...]',
    '',
    'Re-anchors each sidecar against its document as it is now and lists every annotation with its',
    'result: anchored, moved, fuzzy (words changed: needs review), ambiguous (needs review) or orphaned',
    '(its words are gone; kept, to re-attach by hand). With --write, the updated selectors and the',
    "document's fingerprint are saved; annotations that need review are marked so in the sidecar.",
    'A link between two annotations without words of its own has nothing to re-anchor: it is listed as',
    '"no anchor", or "broken" with the end that names no annotation (kept, never dropped).',
    'Every annotation not anchored where it was gets a reason (code and text), the score of the match',
    '(0..1) and its candidate places (start, end, score; best first, at most 5). An ambiguous or',
    'orphaned annotation has no start and end (null in JSON): its stored offsets are no place.',
    '',
    'Several workspaces in one run (start-up is most of the time of a call): repeat --root, or give',
    '--batch FILE with one workspace folder per line (blank lines and # comments skipped; relative to',
    'the current folder). Paths then are relative to each workspace. With --json, one JSON object per',
    'line per workspace, as each is done: {"root", "documents", "totals", "ok"} or {"root", "error"}.',
    '',
    'Options:',
    WORKSPACE_USAGE,
    '                          (repeatable, for several workspaces)',
    '  --batch FILE            check the workspaces listed in FILE, one per line',
    '  --write                 save the re-anchored sidecars (never over a sidecar that has errors)',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { ...WORKSPACE_OPTIONS, root: { type: 'string', multiple: true }, batch: { type: 'string' }, write: { type: 'boolean' } });
    const roots = [...(values.root ?? []), ...(values.batch !== undefined ? await batchRoots(values.batch, io) : [])];
    if (roots.length <= 1 && values.batch === undefined) {
      const result = await annotationStatus({ ...workspaceFrom({ ...values, root: roots[0] }, io), paths: positionals, write: values.write });
      if (values.json) io.out(JSON.stringify({ documents: result.documents, totals: result.totals }, null, 2) + '\n');
      else printStatus(result, io, '');
      return result.ok ? 0 : 1;
    }
    let ok = true;
    const targets = roots.map((root) => {
      const ws = workspaceFrom({ ...values, root }, io);
      return { ...ws, cwd: ws.root, paths: positionals, write: values.write };
    });
    let i = 0;
    for await (const { result, error } of workspacesStatus(targets)) {
      const root = roots[i++];
      ok &&= result?.ok ?? false;
      if (values.json) io.out(JSON.stringify(result ? { root, documents: result.documents, totals: result.totals, ok: result.ok } : { root, error }) + '\n');
      else if (result) {
        io.out(`== ${root}\n`);
        printStatus(result, io, '  ');
      } else io.out(`== ${root}\n  error: ${error}\n`);
    }
    return ok ? 0 : 1;
  },
};

async function batchRoots(file: string, io: CliIo): Promise<string[]> {
  const text = await readFile(path.resolve(io.cwd, file), 'utf8').catch(() => undefined);
  if (text === undefined) throw new UsageError(`--batch: cannot read ${file}`);
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

function printStatus({ documents, totals }: StatusResult, io: CliIo, indent: string): void {
  for (const d of documents) {
    io.out(`${indent}${d.document}  (${d.sidecar})${d.saved ? `  [${d.saved}]` : ''}\n`);
    for (const p of d.problems) io.out(`${indent}  ${formatProblem(p)}\n`);
    for (const a of d.annotations) {
      const detail = a.was !== undefined ? `"${clip(a.was)}" → "${clip(a.now ?? '')}"` : `"${clip(a.exact)}"`;
      const why = a.reason ? `  (${a.reason.text}${a.score !== undefined ? `; score ${a.score}` : ''})` : '';
      io.out(`${indent}  ${a.id}  ${a.kind.padEnd(6)}  ${a.status.padEnd(9)}  ${detail}${why}\n`);
    }
    for (const l of d.links ?? []) io.out(`${indent}  ${l.id}  link    ${(l.broken ? 'broken' : 'no anchor').padEnd(9)}  ${l.from} ${l.relation} ${l.to}${l.broken ? `  (${l.broken})` : ''}\n`);
  }
  io.out(indent + ANCHOR_STATUSES.map((s) => `${totals[s]} ${s}`).join(', ') + '\n');
}
