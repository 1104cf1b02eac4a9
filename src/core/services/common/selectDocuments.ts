import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { isCatalogueFile } from '../../store/catalogueFiles';
import { documentPathFor, toWorkspaceRelative } from '../../store/documentPaths';
import { InputError } from './inputError';
import { WorkspaceTarget } from './workspaceTarget';

const SKIP = new Set(['node_modules', '.git', '.code-server', 'dist', 'out']);

/**
 * The workspace-relative document paths whose sidecars `paths` name: sidecar files, document files, or
 * folders of either, relative to `cwd`. No paths: every sidecar in the annotations folder.
 */
export async function selectDocuments(ws: WorkspaceTarget, paths: readonly string[], cwd: string): Promise<string[]> {
  const targets = paths.length ? paths.map((a) => path.resolve(cwd, a)) : [path.join(ws.root, ws.annotationsFolder)];
  const found = new Set<string>();
  for (const target of targets) {
    const stat = await fsp.stat(target).catch(() => undefined);
    if (!stat) throw new InputError(`no such file or folder: ${target}`);
    const files = stat.isDirectory() ? await walk(target) : [target];
    for (const file of files) {
      const docPath = documentPathOf(ws, file, !stat.isDirectory());
      if (docPath) found.add(docPath);
    }
  }
  return [...found].sort();
}

function documentPathOf(ws: WorkspaceTarget, file: string, named: boolean): string | undefined {
  const rel = toWorkspaceRelative(ws.root, file);
  if (!rel) {
    if (named) throw new InputError(`${file} is outside the workspace folder ${ws.root} (use --root)`);
    return undefined;
  }
  if (isCatalogueFile(rel)) return undefined;
  const fromSidecar = documentPathFor(rel, ws.annotationsFolder);
  if (fromSidecar) return fromSidecar;
  if (rel.startsWith(ws.annotationsFolder.replace(/\/$/, '') + '/')) return undefined;
  // A document: its sidecar must exist to be listed from a folder walk; a named document always is.
  return named || /\.(txt|md|markdown)$/i.test(rel) ? rel : undefined;
}

async function walk(dir: string, seen = new Set<string>()): Promise<string[]> {
  const out: string[] = [];
  // Each real folder once: a link back up must not loop.
  const real = await fsp.realpath(dir).catch(() => dir);
  if (seen.has(real)) return out;
  seen.add(real);
  for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    // A link is listed like what it points to; the store then refuses it, with a message, if it leads out of the workspace.
    const kind = entry.isSymbolicLink() ? await fsp.stat(full).catch(() => undefined) : entry;
    if (kind?.isDirectory()) out.push(...(await walk(full, seen)));
    else if (kind?.isFile()) out.push(full);
  }
  return out;
}
