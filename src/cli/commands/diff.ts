import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { DIFF_FORMATS, DiffFormat, diffCorpus, renderDiff, SidecarPair } from '../../core/diff';
import { insideWorkTree, resolveCommit, sidecarsAtRevision } from '../../core/gitIntegration/revisionSidecars';
import { Sidecar } from '../../core/model';
import { formatProblem, Problem } from '../../core/problem';
import { isCatalogueFile } from '../../core/store/catalogueFiles';
import { documentPathFor } from '../../core/store/documentPaths';
import { readSidecar } from '../../core/store/readSidecar';
import { CliCommand, UsageError } from '../command';
import { CliWorkspace } from '../findSidecars';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../options';

const WORKING_TREE = 'working tree';

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
    const ws = workspaceFrom(values, io);

    const problems: Problem[] = [];
    const asFiles = values['no-index'] || (positionals.length === 2 && (await bothFiles(positionals.map((p) => path.resolve(io.cwd, p)))));
    let pairs: SidecarPair[];
    let labels: [string, string];
    if (asFiles) {
      if (positionals.length !== 2) throw new UsageError('--no-index needs two sidecar files');
      pairs = await filePair(positionals.map((p) => path.resolve(io.cwd, p)) as [string, string], positionals as [string, string], problems);
      labels = [positionals[0], positionals[1]];
    } else {
      const [revA = 'HEAD', revB] = positionals;
      // In a repository without commits, the default HEAD is empty: everything in the working tree is new.
      const before = !positionals.length && !(await resolveCommit(ws.root, 'HEAD')).commit && (await insideWorkTree(ws.root)) ? new Map() : await revisionSide(ws, revA);
      const after = revB === undefined ? await workingTreeSide(ws) : await revisionSide(ws, revB);
      pairs = pairUp(before, after, problems);
      labels = [revA, revB ?? WORKING_TREE];
    }

    const report = diffCorpus(pairs, labels[0], labels[1]);
    for (const p of problems) io.err(formatProblem(p) + '\n');
    io.out(renderDiff(report, format));
    if (problems.some((p) => p.severity === 'error')) return 1;
    return values['exit-code'] && report.documents.length ? 1 : 0;
  },
};

type Side = Map<string, { name: string; text: string }>;

async function bothFiles(files: string[]): Promise<boolean> {
  for (const f of files) {
    const stat = await fsp.stat(f).catch(() => undefined);
    if (!stat?.isFile()) return false;
  }
  return true;
}

async function revisionSide(ws: CliWorkspace, rev: string): Promise<Side> {
  const { commit, error } = await resolveCommit(ws.root, rev);
  if (!commit) throw new UsageError(`${error}; name a revision, or two sidecar files`);
  const side: Side = new Map();
  for (const s of await sidecarsAtRevision(ws.root, commit, ws.annotationsFolder)) side.set(s.documentPath, { name: `${rev}:${s.file}`, text: s.text });
  return side;
}

async function workingTreeSide(ws: CliWorkspace): Promise<Side> {
  const side: Side = new Map();
  const folder = path.join(ws.root, ws.annotationsFolder);
  for (const file of await walkYaml(folder)) {
    const rel = path.relative(ws.root, file).split(path.sep).join('/');
    const documentPath = isCatalogueFile(rel) ? undefined : documentPathFor(rel, ws.annotationsFolder);
    if (documentPath) side.set(documentPath, { name: rel, text: await fsp.readFile(file, 'utf8') });
  }
  return side;
}

async function walkYaml(dir: string): Promise<string[]> {
  const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) out.push(...(await walkYaml(full)));
    else if (entry.isFile() && entry.name.endsWith('.yaml')) out.push(full);
  }
  return out;
}

/** A side's sidecar, or undefined with the reason added to `problems` when it cannot be read whole. */
function parse(entry: { name: string; text: string } | undefined, problems: Problem[]): { sidecar?: Sidecar; ok: boolean } {
  if (!entry) return { ok: true };
  const read = readSidecar(entry.text, entry.name);
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (!read.sidecar || errors.length) {
    problems.push(...(errors.length ? errors : read.problems).map((p) => ({ ...p, message: `${p.message} (this sidecar is left out of the diff)` })));
    return { ok: false };
  }
  return { sidecar: read.sidecar, ok: true };
}

function pairUp(before: Side, after: Side, problems: Problem[]): SidecarPair[] {
  const documents = [...new Set([...before.keys(), ...after.keys()])].sort();
  const pairs: SidecarPair[] = [];
  for (const document of documents) {
    const b = parse(before.get(document), problems);
    const a = parse(after.get(document), problems);
    if (b.ok && a.ok) pairs.push({ document, before: b.sidecar, after: a.sidecar });
  }
  return pairs;
}

async function filePair(files: [string, string], names: [string, string], problems: Problem[]): Promise<SidecarPair[]> {
  const read = async (file: string, name: string) => {
    const text = await fsp.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) throw new UsageError(`cannot read ${file}`);
    return { name, text };
  };
  const b = parse(await read(files[0], names[0]), problems);
  const a = parse(await read(files[1], names[1]), problems);
  if (!a.ok || !b.ok) return [];
  return [{ document: a.sidecar?.document ?? b.sidecar?.document ?? names[1], before: b.sidecar, after: a.sidecar }];
}
