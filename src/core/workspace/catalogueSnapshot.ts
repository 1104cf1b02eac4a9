// One workspace folder's entity catalogue as loaded: the files the setting names, their problems,
// and the matcher built from them. Rebuilt whole when any of its files changes (they are small).
import { type CatalogueIssue, loadCatalogue } from '../entities/catalogue/load';
import { buildEntityIndex, type EntityIndex } from '../entities/matcher/entityIndex';
import type { FileFinder } from '../ports/fileFinder';
import { type FileSystem, readText } from '../ports/fileSystem';
import * as path from 'node:path';
import { toWorkspaceRelative } from '../store/documentPaths';

export interface CatalogueFileText {
  /** Absolute path. */
  path: string;
  /** Shown in problems: relative to the folder (with the folder's name first in a multi-root workspace). */
  file: string;
  text: string;
}

export interface CatalogueSnapshot {
  /** Every file the setting names, found or not, in setting order (where new entities go). */
  paths: string[];
  /** The files that exist, read. */
  files: CatalogueFileText[];
  issues: CatalogueIssue[];
  index: EntityIndex;
  /** Bumped on every load, so caches can tell catalogues apart. */
  generation: number;
}

export interface CatalogueSpec {
  fs: FileSystem;
  /** Needed only for setting entries that are globs. */
  finder?: FileFinder;
  root: string;
  /** policyAnnotator.entityCatalogues: paths or globs relative to the folder. */
  entries: readonly string[];
  /** Put before each file's label (the folder's name, in a multi-root workspace). */
  labelPrefix?: string;
}

const GLOB_CHARS = /[*?{[]/;
let generation = 0;

export async function loadCatalogueSnapshot(spec: CatalogueSpec): Promise<CatalogueSnapshot> {
  const paths = await cataloguePaths(spec);
  const files: CatalogueFileText[] = [];
  for (const file of paths) {
    const text = await readText(spec.fs, file).catch(() => undefined);
    if (text !== undefined) files.push({ path: file, file: catalogueLabel(spec.root, file, spec.labelPrefix), text });
  }
  const result = loadCatalogue(files);
  return { paths, files, issues: result.issues, index: buildEntityIndex(result.catalogue), generation: ++generation };
}

/** The catalogue files the setting names, in setting order, each once. */
async function cataloguePaths(spec: CatalogueSpec): Promise<string[]> {
  const out = new Set<string>();
  for (const entry of spec.entries) {
    if (GLOB_CHARS.test(entry)) {
      const found = spec.finder ? await spec.finder.find(spec.root, entry, 200) : [];
      for (const file of [...found].sort((a, b) => a.localeCompare(b))) out.add(file);
    } else out.add(path.join(spec.root, ...entry.replace(/\\/g, '/').split('/').filter(Boolean)));
  }
  return [...out];
}

export function catalogueLabel(root: string, file: string, prefix: string | undefined): string {
  const rel = toWorkspaceRelative(root, file) ?? file;
  return prefix ? `${prefix}/${rel}` : rel;
}
