import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { DIFF_FORMATS, DiffFormat, renderDiff } from '../../core/diff';
import { formatProblem } from '../../core/problem';
import { diffAnnotations, DiffOptions, UnknownRevisionError } from '../../core/services';
import { CliCommand, UsageError } from '../command';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../options';

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'show added, removed and changed annotations between revisions or two sidecars',
  usage: [
    'Usage: policy-annotator diff [options] [<rev-a> [<rev-b>]]',
    '       policy-annotator diff [options] <sidecar-a> <sidecar-b>',
    '',
    'Compares annotations by id, document by document: which were added or removed, and for each changed',
    'one its kind, quoted words, the fields that changed (old → new) and whether its anchor moved.',
    '  no revision     HEAD against the working tree',
    '  <rev-a>         that revision against the working tree',
    '  <rev-a> <rev-b> the two revisions (any commit-ish: branch, tag, HEAD~2, a hash)',
    'Two existing files are compared as two sidecars (force this with --no-index).',
    'Revisions are read with git (git ls-tree, git show), from the repository around --root.',
    '',
    'Exit code: 0, or 1 with --exit-code when there are changes; 1 when a sidecar cannot be read; 2 on bad usage.',
    '',
    'Options:',
    '  --format FORMAT         text (default), markdown (for a pull-request comment) or json',
    WORKSPACE_USAGE,
    '                          (--json is the same as --format json)',
    '  --no-index              compare the two arguments as sidecar files, not revisions',
    '  --exit-code             exit 1 when anything changed, like git diff --exit-code',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      ...WORKSPACE_OPTIONS,
      format: { type: 'string' },
      'no-index': { type: 'boolean' },
      'exit-code': { type: 'boolean' },
    });
    const format = (values.json ? 'json' : (values.format ?? 'text')) as DiffFormat;
    if (!DIFF_FORMATS.includes(format)) throw new UsageError(`unknown format '${values.format}' (one of: ${DIFF_FORMATS.join(', ')})`);
    if (positionals.length > 2) throw new UsageError('at most two revisions or two sidecar files');
    const options: DiffOptions = workspaceFrom(values, io);
    if (values['no-index'] || (positionals.length === 2 && (await bothFiles(positionals.map((p) => path.resolve(io.cwd, p)))))) {
      if (positionals.length !== 2) throw new UsageError('--no-index needs two sidecar files');
      options.files = [positionals[0], positionals[1]];
    } else {
      const [revA, revB] = positionals;
      if (revA !== undefined) options.before = { rev: revA };
      if (revB !== undefined) options.after = { rev: revB };
    }
    const { report, problems } = await diffAnnotations(options).catch((error: unknown) => {
      throw error instanceof UnknownRevisionError ? new UsageError(`${error.message}; name a revision, or two sidecar files`) : error;
    });
    for (const p of problems) io.err(formatProblem(p) + '\n');
    io.out(renderDiff(report, format));
    if (problems.some((p) => p.severity === 'error')) return 1;
    return values['exit-code'] && report.documents.length ? 1 : 0;
  },
};

async function bothFiles(files: string[]): Promise<boolean> {
  for (const f of files) {
    const stat = await fsp.stat(f).catch(() => undefined);
    if (!stat?.isFile()) return false;
  }
  return true;
}
