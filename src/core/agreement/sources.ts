import * as path from 'node:path';
import { resolveCommit, sidecarsAtRevision } from '../gitIntegration/revisionSidecars';
import { Annotation, Sidecar } from '../model';
import { DirectoryLister } from '../ports/directoryLister';
import { FileSystem, readText } from '../ports/fileSystem';
import { Problem } from '../problem';
import { isCatalogueFile } from '../store/catalogueFiles';
import { documentPathFor } from '../store/documentPaths';
import { readUntrusted } from '../store/sidecarStore';
import { isCurated } from './disagreement';
import { AnnotatorData } from './types';

// Where the annotators' work comes from: the authors in one workspace (default), git revisions or
// branches, or folders on disk, one annotator each. A sidecar that cannot be read is left out, with
// its problems returned, never guessed at.

export interface AnnotatorSources {
  annotators: AnnotatorData[];
  /** Curated versions (adjudication), which settle disagreements but are nobody's coding. */
  curated: Annotation[];
  problems: Problem[];
}

/** One annotator per distinct `author` value. */
export function annotatorsByAuthor(sidecars: readonly Sidecar[], problems: Problem[] = []): AnnotatorSources {
  const byAuthor = new Map<string, Map<string, Sidecar>>();
  const curated: Annotation[] = [];
  for (const sidecar of sidecars) {
    for (const annotation of sidecar.annotations) {
      if (isCurated(annotation)) {
        curated.push(annotation);
        continue;
      }
      const docs = byAuthor.get(annotation.author) ?? byAuthor.set(annotation.author, new Map()).get(annotation.author)!;
      const own = docs.get(sidecar.document) ?? docs.set(sidecar.document, { ...sidecar, annotations: [] }).get(sidecar.document)!;
      own.annotations.push(annotation);
    }
  }
  // Shared work only: a document two or more authors annotated, which every author is then taken to
  // have read (one with no annotations there marked nothing). A document one author annotated alone
  // is that author's own, not a disagreement with everyone else.
  const authorsOf = (document: string) => [...byAuthor.values()].filter((docs) => docs.get(document)?.annotations.length).length;
  const documents = sidecars.filter((s) => authorsOf(s.document) >= 2).map((s) => ({ ...s, annotations: [] as Annotation[] }));
  const authors = [...byAuthor.keys()].filter((name) => documents.some((d) => byAuthor.get(name)!.get(d.document)?.annotations.length)).sort();
  const annotators = authors.map((name) => ({ name, sidecars: documents.map((d) => byAuthor.get(name)!.get(d.document) ?? d) }));
  return { annotators, curated, problems };
}

function parse(text: string, name: string, problems: Problem[]): Sidecar | undefined {
  const read = readUntrusted(text, name);
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (read.sidecar && !errors.length) return read.sidecar;
  problems.push(...(errors.length ? errors : read.problems).map((p) => ({ ...p, message: `${p.message} (left out of the agreement)` })));
  return undefined;
}

function split(named: Array<{ name: string; sidecars: Sidecar[] }>, problems: Problem[]): AnnotatorSources {
  const curated = named.flatMap((n) => n.sidecars.flatMap((s) => s.annotations.filter(isCurated)));
  return { annotators: named, curated, problems };
}

/** One annotator per revision (commit-ish), read through git from the repository around `root`. */
export async function annotatorsFromRevisions(root: string, revisions: readonly string[], annotationsFolder: string): Promise<AnnotatorSources> {
  const problems: Problem[] = [];
  const named = [];
  for (const rev of revisions) {
    const { commit, error } = await resolveCommit(root, rev);
    if (!commit) throw new Error(error ?? `cannot resolve ${rev}`);
    const sidecars = (await sidecarsAtRevision(root, commit, annotationsFolder)).map((s) => parse(s.text, `${rev}:${s.file}`, problems)).filter((s): s is Sidecar => !!s);
    named.push({ name: rev, sidecars });
  }
  return split(named, problems);
}

/** Every readable sidecar under `sidecarRoot` (an annotations folder); `label` names it in problems. */
export async function readSidecarFolder(fs: FileSystem, lister: DirectoryLister, sidecarRoot: string, label: string, problems: Problem[]): Promise<Sidecar[]> {
  const sidecars: Sidecar[] = [];
  for (const file of (await lister.listFiles(sidecarRoot).catch(() => [] as string[])).sort()) {
    const rel = path.relative(sidecarRoot, file).split(path.sep).join('/');
    if (isCatalogueFile(rel) || !documentPathFor(`a/${rel}`, 'a')) continue;
    const text = await readText(fs, file);
    const sidecar = text === undefined ? undefined : parse(text, `${label}/${rel}`, problems);
    if (sidecar) sidecars.push(sidecar);
  }
  return sidecars;
}

/** The annotations folder of a folder given on the command line: `folder/annotationsFolder` when it exists, else the folder itself. */
export async function sidecarRootOf(fs: FileSystem, folder: string, annotationsFolder: string): Promise<string> {
  const nested = path.join(folder, ...annotationsFolder.split('/'));
  return (await fs.stat(nested)) ? nested : folder;
}

/** One annotator per folder, named by the folder. */
export async function annotatorsFromFolders(fs: FileSystem, lister: DirectoryLister, folders: readonly string[], annotationsFolder: string): Promise<AnnotatorSources> {
  const problems: Problem[] = [];
  const named = [];
  for (const folder of folders) {
    const label = folder.replace(/\/+$/, '');
    named.push({ name: path.basename(path.resolve(folder)), sidecars: await readSidecarFolder(fs, lister, await sidecarRootOf(fs, folder, annotationsFolder), label, problems) });
  }
  return split(named, problems);
}
