import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { SidecarPair } from '../diff';
import { insideWorkTree, mergeBase, resolveCommit, sidecarsAtRevision } from '../gitIntegration/revisionSidecars';
import { Sidecar } from '../model';
import { Problem } from '../problem';
import { isCatalogueFile } from '../store/catalogueFiles';
import { documentPathFor } from '../store/documentPaths';
import { readSidecar } from '../store/readSidecar';
import { InputError, UnknownRevisionError } from './common/inputError';
import { WorkspaceTarget } from './common/workspaceTarget';

// The two sides of a diff: sidecar texts by document path, from a revision, the working tree or two files.

/** A commit-ish (branch, tag, HEAD~2, hash), or the merge base of HEAD with a branch. */
export type DiffRevision = { rev: string } | { mergeBaseWith: string };

export type Side = Map<string, { name: string; text: string }>;

export const WORKING_TREE = 'working tree';

/** The commit a revision names, with its label for headings. */
export async function resolveRevision(ws: WorkspaceTarget, revision: DiffRevision): Promise<{ commit: string; label: string }> {
  const rev = 'rev' in revision;
  const { commit, error } = rev ? await resolveCommit(ws.root, revision.rev) : await mergeBase(ws.root, revision.mergeBaseWith);
  if (!commit) throw new UnknownRevisionError(error ?? 'no such revision');
  return { commit, label: rev ? revision.rev : `merge base with ${revision.mergeBaseWith}` };
}

/** In a repository without commits HEAD names nothing yet: the side is empty, so everything is new. */
export async function headIsUnborn(ws: WorkspaceTarget): Promise<boolean> {
  return !(await resolveCommit(ws.root, 'HEAD')).commit && (await insideWorkTree(ws.root));
}

export async function revisionSide(ws: WorkspaceTarget, commit: string, label: string): Promise<Side> {
  const side: Side = new Map();
  for (const s of await sidecarsAtRevision(ws.root, commit, ws.annotationsFolder)) side.set(s.documentPath, { name: `${label}:${s.file}`, text: s.text });
  return side;
}

export async function workingTreeSide(ws: WorkspaceTarget): Promise<Side> {
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

export function pairUp(before: Side, after: Side, problems: Problem[]): SidecarPair[] {
  const documents = [...new Set([...before.keys(), ...after.keys()])].sort();
  const pairs: SidecarPair[] = [];
  for (const document of documents) {
    const b = parse(before.get(document), problems);
    const a = parse(after.get(document), problems);
    if (b.ok && a.ok) pairs.push({ document, before: b.sidecar, after: a.sidecar });
  }
  return pairs;
}

/** Two sidecar files, named in messages as given. */
export async function filePair(files: [string, string], names: readonly [string, string], problems: Problem[]): Promise<SidecarPair[]> {
  const read = async (file: string, name: string) => {
    const text = await fsp.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) throw new InputError(`cannot read ${file}`);
    return { name, text };
  };
  const b = parse(await read(files[0], names[0]), problems);
  const a = parse(await read(files[1], names[1]), problems);
  if (!a.ok || !b.ok) return [];
  return [{ document: a.sidecar?.document ?? b.sidecar?.document ?? names[1], before: b.sidecar, after: a.sidecar }];
}
