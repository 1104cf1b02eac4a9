import * as vscode from 'vscode';
import { diffCorpus, DiffReport, SidecarPair } from '../../core/diff';
import { resolveCommit, sidecarsAtRevision } from '../../core/gitIntegration/revisionSidecars';
import { runGit } from '../../core/gitIntegration/gitRun';
import { Sidecar } from '../../core/model';
import { FileSystem, readText } from '../../core/ports/fileSystem';
import { isCatalogueFile } from '../../core/store/catalogueFiles';
import { documentPathFor, toWorkspaceRelative } from '../../core/store/documentPaths';
import { readSidecar } from '../../core/store/readSidecar';
import { readSettings } from '../settings';

export interface ReviewReport {
  folder: vscode.WorkspaceFolder;
  /** What the working tree is compared with, as the person chose it (e.g. `HEAD`, `merge-base with main`). */
  baseLabel: string;
  commit: string;
  report: DiffReport;
}

/** The commit the base names: a revision, or the merge base of HEAD with a branch. */
export async function resolveBase(cwd: string, base: { rev: string } | { mergeBaseWith: string }): Promise<{ commit: string; label: string }> {
  if ('rev' in base) {
    const resolved = await resolveCommit(cwd, base.rev);
    if (!resolved.commit) throw new Error(resolved.error ?? `cannot resolve ${base.rev}`);
    return { commit: resolved.commit, label: base.rev };
  }
  const result = await runGit(cwd, ['merge-base', 'HEAD', '--end-of-options', base.mergeBaseWith]);
  const commit = result.stdout.toString('utf8').trim();
  if (!result.ok || !commit) throw new Error(`no merge base of HEAD and ${base.mergeBaseWith}${result.stderr ? `: ${result.stderr}` : ''}`);
  return { commit, label: `merge base with ${base.mergeBaseWith}` };
}

/** Branches to offer for a merge base, local first. */
export async function listBranches(cwd: string): Promise<string[]> {
  const result = await runGit(cwd, ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes']);
  return result.ok ? result.stdout.toString('utf8').split('\n').filter((b) => b && !b.endsWith('/HEAD')) : [];
}

/** Every annotation added, removed or changed between the base commit and the sidecars in the working tree. */
export async function buildReviewReport(folder: vscode.WorkspaceFolder, base: { commit: string; label: string }, fs: FileSystem): Promise<ReviewReport> {
  const annotationsFolder = readSettings(folder).annotationsFolder;
  const pairs = new Map<string, SidecarPair>();
  const pair = (document: string) => pairs.get(document) ?? pairs.set(document, { document }).get(document)!;
  for (const old of await sidecarsAtRevision(folder.uri.fsPath, base.commit, annotationsFolder)) {
    pair(old.documentPath).before = readable(old.text, old.file);
  }
  for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `${annotationsFolder}/**/*.yaml`))) {
    const rel = toWorkspaceRelative(folder.uri.fsPath, uri.fsPath);
    const documentPath = rel && !isCatalogueFile(rel) ? documentPathFor(rel, annotationsFolder) : undefined;
    const text = documentPath && (await readText(fs, uri.fsPath));
    if (documentPath && text !== undefined) pair(documentPath).after = readable(text, rel!);
  }
  return { folder, baseLabel: base.label, commit: base.commit, report: diffCorpus([...pairs.values()], base.label, 'working tree') };
}

function readable(text: string, file: string): Sidecar | undefined {
  const read = readSidecar(text, file);
  if (!read.sidecar) throw new Error(`${file} cannot be read (${read.problems[0]?.message ?? 'unknown error'}); fix it before reviewing`);
  return read.sidecar;
}
