import * as vscode from 'vscode';
import type { CatalogueIssue } from '../../core/entities/catalogue/load';
import type { EntityIndex } from '../../core/entities/matcher/entityIndex';
import type { Entity } from '../../core/entities/types';
import type { CatalogueSnapshot } from '../../core/workspace/catalogueSnapshot';
import type { CatalogueFile } from './catalogueSources';

/** The loaded catalogue of one workspace folder (the workspace model's snapshot, with editor URIs): shared by every document in it. */
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

export function fromSnapshot(folder: vscode.WorkspaceFolder, snapshot: CatalogueSnapshot): FolderCatalogue {
  const files = snapshot.files.map((f) => ({ uri: vscode.Uri.file(f.path), file: f.file, text: f.text }));
  return { folder, uris: snapshot.paths.map((p) => vscode.Uri.file(p)), files, issues: snapshot.issues, index: snapshot.index, generation: snapshot.generation };
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
