import { Git, gitCli } from '../../ports/git';

/** The workspace folder a service works on. */
export interface WorkspaceTarget {
  /** Absolute path of the workspace folder; document paths are relative to it. */
  root: string;
  /** The sidecar folder, relative to `root` (usually `annotations`). */
  annotationsFolder: string;
  /** Folder that relative paths in the options are resolved against and named from in messages; default `root`. */
  cwd?: string;
  /** Where old document versions are read from and new ones stored; default: the git executable. */
  git?: Git;
}

export const cwdOf = (target: WorkspaceTarget): string => target.cwd ?? target.root;

const defaultGit = gitCli();
export const gitOf = (target: WorkspaceTarget): Git => target.git ?? defaultGit;
