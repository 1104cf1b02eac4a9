import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { loadCatalogue } from '../../entities';
import type { Entity } from '../../entities/types';
import { Problem } from '../../problem';
import { isCatalogueFile } from '../../store/catalogueFiles';
import { InputError } from './inputError';
import { WorkspaceTarget } from './workspaceTarget';

export interface ServiceCatalogue {
  entities: Entity[];
  /** Undefined when no catalogue exists: entity references cannot be checked then. */
  ids: ReadonlySet<string> | undefined;
  problems: Problem[];
  files: string[];
}

/** The catalogue files to use: those named, else `entities.yaml` and `*.entities.yaml` in the annotations folder. */
export async function catalogueFiles(ws: WorkspaceTarget, named: readonly string[], cwd: string): Promise<string[]> {
  if (named.length) return named.map((f) => path.resolve(cwd, f));
  const folder = path.join(ws.root, ws.annotationsFolder);
  const names = await fsp.readdir(folder).catch(() => [] as string[]);
  return names.filter((n) => isCatalogueFile(n)).sort().map((n) => path.join(folder, n));
}

/** Loads the entity catalogue for a service; a named file that cannot be read is a usage error. */
export async function readCatalogue(ws: WorkspaceTarget, named: readonly string[], cwd: string): Promise<ServiceCatalogue> {
  const files = await catalogueFiles(ws, named, cwd);
  const sources = [];
  for (const file of files) {
    const text = await fsp.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) throw new InputError(`cannot read catalogue ${file}`);
    sources.push({ file: path.relative(cwd, file).split(path.sep).join('/') || file, text });
  }
  if (!sources.length) return { entities: [], ids: undefined, problems: [], files };
  const loaded = loadCatalogue(sources);
  const problems: Problem[] = loaded.issues.map((i) => ({ file: i.file, line: i.line, column: i.column, severity: i.severity, message: i.message }));
  return { entities: loaded.catalogue.entities, ids: new Set(loaded.catalogue.entities.map((e) => e.id)), problems, files };
}
