import * as path from 'node:path';
import { FileSystem } from '../ports/fileSystem';

// Repositories are written by others: a symbolic link inside the workspace folder can point anywhere
// (`annotations/seeds -> /home/me/.ssh`). Reading a document or a sidecar through it would show or
// export files from outside; writing a sidecar through it would create files outside. So every path
// is checked once links are resolved.

/** Whether `target` is `root` or inside it, both absolute and already resolved. */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * Undefined when `target` stays inside `root` once symbolic links are resolved; otherwise why not,
 * naming where it leads. `label` is how the message names the path (workspace-relative).
 */
export async function checkContained(fs: FileSystem, root: string, target: string, label: string): Promise<string | undefined> {
  if (!isInside(path.resolve(root), path.resolve(target))) return `${label} is outside the workspace folder ${root}: it is not read or written`;
  let realRoot: string;
  let realTarget: string;
  try {
    realRoot = await fs.realPath(root);
    realTarget = await fs.realPath(target);
  } catch (error) {
    return `${label} cannot be resolved (${(error as Error).message}): it is not read or written`;
  }
  if (isInside(realRoot, realTarget)) return undefined;
  return `${label} leads through a symbolic link to ${realTarget}, outside the workspace folder ${root}: it is not read or written`;
}
