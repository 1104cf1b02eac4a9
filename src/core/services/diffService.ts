import * as path from 'node:path';
import { diffCorpus, DiffReport, SidecarPair } from '../diff';
import { TaskControl, throwIfCancelled } from '../ports/progress';
import { Problem } from '../problem';
import { cwdOf, WorkspaceTarget } from './common/workspaceTarget';
import { DiffRevision, filePair, headIsUnborn, pairUp, resolveRevision, revisionSide, Side, WORKING_TREE, workingTreeSide } from './diffSides';

// Diff: added, removed and changed annotations between two revisions, a revision and the working tree, or two files.

export interface DiffOptions extends WorkspaceTarget {
  /** Two sidecar files to compare (relative to `cwd`; named as given); revisions are ignored then. */
  files?: readonly [string, string];
  /** Default: HEAD (in a repository without commits: nothing, so everything is new). */
  before?: DiffRevision;
  /** Default: the working tree. */
  after?: DiffRevision;
}

export interface DiffSideInfo {
  /** For headings: the revision as named, `merge base with <branch>`, `working tree`, or the file name. */
  label: string;
  /** The commit read, for a revision. */
  commit?: string;
}

export interface DiffResult {
  report: DiffReport;
  /** Sidecars that could not be read, each left out of the diff. */
  problems: Problem[];
  before: DiffSideInfo;
  after: DiffSideInfo;
}

/** Throws `UnknownRevisionError` for a revision that names no commit, `InputError` for a file that cannot be read. */
export async function diffAnnotations(options: DiffOptions, control?: TaskControl): Promise<DiffResult> {
  const problems: Problem[] = [];
  if (options.files) {
    const [a, b] = options.files;
    const pairs = await filePair([path.resolve(cwdOf(options), a), path.resolve(cwdOf(options), b)], options.files, problems);
    return result(pairs, { label: a }, { label: b }, problems);
  }
  const step = (message: string, done: number) => {
    throwIfCancelled(control, 'diff');
    control?.progress?.report({ message, done, total: 2 });
  };
  const unborn = !options.before && (await headIsUnborn(options));
  const before = unborn ? { label: 'HEAD' } : await resolveRevision(options, options.before ?? { rev: 'HEAD' });
  const after = options.after ? await resolveRevision(options, options.after) : { label: WORKING_TREE };
  step(before.label, 0);
  const beforeSide: Side = 'commit' in before ? await revisionSide(options, before.commit, before.label) : new Map();
  step(after.label, 1);
  const afterSide = 'commit' in after ? await revisionSide(options, after.commit, after.label) : await workingTreeSide(options);
  return result(pairUp(beforeSide, afterSide, problems), before, after, problems);
}

function result(pairs: SidecarPair[], before: DiffSideInfo, after: DiffSideInfo, problems: Problem[]): DiffResult {
  return { report: diffCorpus(pairs, before.label, after.label), problems, before, after };
}
