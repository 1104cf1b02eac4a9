import { isCatalogueFile } from '../store/catalogueFiles';
import { documentPathFor } from '../store/documentPaths';
import { runGit } from './gitRun';

// Sidecar texts as they were in a git revision. Paths are relative to `cwd` (the workspace folder), which
// may be a sub-folder of the repository: `git ls-tree` lists relative to it and `rev:./path` reads relative to it.

export interface RevisionSidecar {
  /** Workspace-relative sidecar path, e.g. annotations/seeds/a.txt.yaml. */
  file: string;
  documentPath: string;
  text: string;
}

/** The commit a revision names, or an error message (git's) when it names none. */
export async function resolveCommit(cwd: string, rev: string): Promise<{ commit?: string; error?: string }> {
  if (rev.startsWith('-')) return { error: `'${rev}' is not a revision` };
  const result = await runGit(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  const commit = result.stdout.toString('utf8').trim();
  return result.ok && commit ? { commit } : { error: `'${rev}' is not a commit in the repository at ${cwd}${result.stderr ? ` (${result.stderr})` : ''}` };
}

/** The merge base of HEAD with a branch, as a pull request compares. */
export async function mergeBase(cwd: string, branch: string): Promise<{ commit?: string; error?: string }> {
  const result = await runGit(cwd, ['merge-base', 'HEAD', '--end-of-options', branch]);
  const commit = result.stdout.toString('utf8').trim();
  return result.ok && commit ? { commit } : { error: `no merge base of HEAD and ${branch}${result.stderr ? `: ${result.stderr}` : ''}` };
}

/** Branches to offer for a merge base, local first. */
export async function listBranches(cwd: string): Promise<string[]> {
  const result = await runGit(cwd, ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes']);
  return result.ok ? result.stdout.toString('utf8').split('\n').filter((b) => b && !b.endsWith('/HEAD')) : [];
}

/** True when `cwd` is in a git work tree (a repository without commits has no HEAD yet). */
export async function insideWorkTree(cwd: string): Promise<boolean> {
  const result = await runGit(cwd, ['rev-parse', '--is-inside-work-tree']);
  return result.ok && result.stdout.toString('utf8').trim() === 'true';
}

export async function sidecarsAtRevision(cwd: string, commit: string, annotationsFolder: string): Promise<RevisionSidecar[]> {
  const folder = annotationsFolder.replace(/\/+$/, '');
  const listing = await runGit(cwd, ['ls-tree', '-r', '-z', '--name-only', commit, '--', folder]);
  if (!listing.ok) throw new Error(`git ls-tree failed: ${listing.stderr}`);
  const files = listing.stdout
    .toString('utf8')
    .split('\0')
    .filter((f) => f && !isCatalogueFile(f));
  const out: RevisionSidecar[] = [];
  for (const file of files.sort()) {
    const documentPath = documentPathFor(file, folder);
    if (!documentPath) continue;
    // --no-textconv: once git-setup has run, git show would otherwise print the textconv rendering.
    const shown = await runGit(cwd, ['show', '--no-textconv', `${commit}:./${file}`]);
    if (!shown.ok) throw new Error(`git show ${commit}:${file} failed: ${shown.stderr}`);
    out.push({ file, documentPath, text: shown.stdout.toString('utf8') });
  }
  return out;
}
