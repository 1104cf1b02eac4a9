import * as vscode from 'vscode';
import { type CatalogueIssue, loadCatalogue } from '../../core/entities/catalogue/load';
import { buildEntityIndex, type EntityIndex } from '../../core/entities/matcher/entityIndex';
import type { Entity } from '../../core/entities/types';
import type { FileSystem } from '../../core/ports/fileSystem';
import { type CatalogueFile, catalogueUris, readCatalogueFiles } from './catalogueSources';

/** The loaded catalogue of one workspace folder: built once per change, shared by every document in it. */
export interface FolderCatalogue {
  folder: vscode.WorkspaceFolder;
  /** Every file the setting names, found or not (watched, and where new entities go). */
  uris: vscode.Uri[];
  files: CatalogueFile[];
  issues: CatalogueIssue[];
  index: EntityIndex;
  /** Bumped on every load, so caches can tell catalogues apart. */
  generation: number;
}

let generation = 0;

export async function loadFolderCatalogue(folder: vscode.WorkspaceFolder, entries: readonly string[], fs: FileSystem): Promise<FolderCatalogue> {
  const uris = await catalogueUris(folder, entries);
  const files = await readCatalogueFiles(folder, uris, fs);
  const result = loadCatalogue(files);
  return { folder, uris, files, issues: result.issues, index: buildEntityIndex(result.catalogue), generation: ++generation };
}

export function fileOf(catalogue: FolderCatalogue, label: string): CatalogueFile | undefined {
  return catalogue.files.find((f) => f.file === label);
}

/** Where an entity's id is written: the target of Go to Definition and Edit Entity. */
export function definitionOf(catalogue: FolderCatalogue, entity: Entity): vscode.Location | undefined {
  const origin = entity.origin;
  const file = origin && fileOf(catalogue, origin.file);
  if (!origin || !file) return undefined;
  const line = Math.max(0, origin.line - 1);
  const column = Math.max(0, origin.column - 1);
  const id = new vscode.Range(line, column, line, column + entity.id.length);
  return new vscode.Location(file.uri, id);
}

/** The entity whose entry contains `line` of a catalogue file (entries start at their id). */
export function entityAtLine(catalogue: FolderCatalogue, uri: vscode.Uri, line: number): Entity | undefined {
  const file = catalogue.files.find((f) => f.uri.toString() === uri.toString());
  if (!file) return undefined;
  let best: Entity | undefined;
  for (const entity of catalogue.index.entities) {
    const origin = entity.origin;
    if (origin?.file !== file.file || origin.line - 1 > line) continue;
    if (!best || origin.line > best.origin!.line) best = entity;
  }
  return best;
}
