import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { annotatorsByAuthor, annotatorsFromFolders, annotatorsFromRevisions, AgreementField, AgreementReport, AnnotatorSources, computeAgreement, readSidecarFolder, sidecarRootOf } from '../agreement';
import { normalizeText } from '../anchoring/normalize';
import { resolveCommit, sidecarsAtRevision } from '../gitIntegration/revisionSidecars';
import { AnnotationKind, Sidecar } from '../model';
import { nodeLister } from '../ports/nodeDirectoryLister';
import { nodeFileSystem } from '../ports/nodeFileSystem';
import { FileSystem, readText } from '../ports/fileSystem';
import { TaskControl } from '../ports/progress';
import { Problem } from '../problem';
import { readUntrusted } from '../store/sidecarStore';
import { InputError } from './common/inputError';
import { cwdOf, WorkspaceTarget } from './common/workspaceTarget';

// Agreement between annotators, gathered from one of three sources: the authors inside one workspace,
// revision or folder (byAuthor), or one annotator per revision or per folder. Both fronts call this.

export interface AgreementOptions extends WorkspaceTarget {
  /** Revisions or folders (relative to `cwd`); none: the authors in this workspace. */
  sources?: readonly string[];
  /** One annotator per author value inside the one source (the default when no source is given). */
  byAuthor?: boolean;
  kinds?: readonly AnnotationKind[];
  fields?: readonly AgreementField[];
  /** The IoU two spans need to be one unit (default 0.5). */
  iou?: number;
  /** Where sidecars and documents are read; default: the disk. */
  fs?: FileSystem;
  /** A document's current text when the caller knows better than the disk (an editor's unsaved buffer). */
  openText?: (document: string) => string | undefined;
}

export interface AgreementResult {
  /** Fewer than two annotators is not an error here: the caller says what that means to its user. */
  report: AgreementReport;
  /** The documents' normalised texts, for lines and links to passages. */
  texts: Map<string, string>;
  /** Sidecars that could not be read and were left out, named. */
  problems: Problem[];
}

export async function measureAgreement(options: AgreementOptions, control?: TaskControl): Promise<AgreementResult> {
  const sources = options.sources ?? [];
  const byAuthor = options.byAuthor || !sources.length;
  if (byAuthor && sources.length > 1) throw new InputError('--by author reads one revision or folder; name one, or leave --by out for one annotator each');
  if (!byAuthor && sources.length < 2) throw new InputError('name two or more revisions or folders (one annotator each), or none for the authors in this workspace');
  if (options.iou !== undefined && !(options.iou > 0 && options.iou <= 1)) throw new InputError(`must be a number above 0 and at most 1, not '${options.iou}'`, 'iou');
  const gathered = await gather(options, sources, byAuthor);
  const texts = await documentTexts(options, gathered);
  const report = computeAgreement(gathered.annotators, { kinds: options.kinds ? [...options.kinds] : undefined, fields: options.fields ? [...options.fields] : undefined, iouThreshold: options.iou, curated: gathered.curated, documentLength: (d) => texts.get(d)?.length }, control);
  return { report, texts, problems: gathered.problems };
}

async function isFolder(p: string): Promise<boolean> {
  return !!(await fsp.stat(p).catch(() => undefined))?.isDirectory();
}

async function gather(options: AgreementOptions, sources: readonly string[], byAuthor: boolean): Promise<AnnotatorSources> {
  const cwd = cwdOf(options);
  const { root, annotationsFolder } = options;
  const folders = await Promise.all(sources.map((p) => isFolder(path.resolve(cwd, p))));
  if (folders.some((f) => f) && folders.some((f) => !f)) throw new InputError(`give revisions or folders, not both (${sources.filter((_, i) => !folders[i]).join(', ')} is not a folder)`);
  const asFolders = folders.length > 0 && folders.every((f) => f);
  if (!byAuthor) {
    if (asFolders) return annotatorsFromFolders(nodeFileSystem, nodeLister, sources.map((p) => path.resolve(cwd, p)), annotationsFolder);
    try {
      return await annotatorsFromRevisions(root, sources, annotationsFolder);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
  }
  const problems: Problem[] = [];
  let sidecars: Sidecar[];
  if (!sources.length || asFolders) {
    const folder = sources.length ? path.resolve(cwd, sources[0]) : root;
    const fs = options.fs ?? nodeFileSystem;
    sidecars = await readSidecarFolder(fs, nodeLister, await sidecarRootOf(fs, folder, annotationsFolder), sources[0] ?? annotationsFolder, problems);
  } else {
    const { commit, error } = await resolveCommit(root, sources[0]);
    if (!commit) throw new InputError(error ?? `cannot resolve ${sources[0]}`);
    sidecars = [];
    for (const s of await sidecarsAtRevision(root, commit, annotationsFolder)) {
      const read = readUntrusted(s.text, `${sources[0]}:${s.file}`);
      if (read.sidecar && !read.problems.some((p) => p.severity === 'error')) sidecars.push(read.sidecar);
      else problems.push(...read.problems);
    }
  }
  return annotatorsByAuthor(sidecars, problems);
}

/** The documents' texts (open buffer first, else the working tree), for character-level α and lines. */
async function documentTexts(options: AgreementOptions, sources: AnnotatorSources): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const document of new Set(sources.annotators.flatMap((a) => a.sidecars.map((s) => s.document)))) {
    const text = options.openText?.(document) ?? (await readText(options.fs ?? nodeFileSystem, path.join(options.root, ...document.split('/'))));
    if (text !== undefined) out.set(document, normalizeText(text));
  }
  return out;
}
