import type * as vscode from 'vscode';
import type { Entity } from '../../core/entities/types';

// What annotation editing needs from the entity catalogue (speaker and holder suggestions).

export interface EntityChoice { id: string; name: string; type: string; description?: string }
export interface EntityDirectory {
  /** Catalogue entities mentioned in the normalised-offset span of a document, in text order, no duplicates. */
  entitiesIn(uri: vscode.Uri, start: number, end: number): EntityChoice[];
  /** Every catalogue entity, sorted by name. */
  allEntities(): EntityChoice[];
  entity(id: string): EntityChoice | undefined;
  onDidChange: vscode.Event<void>;
}

export function toChoice(entity: Entity): EntityChoice {
  const choice: EntityChoice = { id: entity.id, name: entity.name, type: entity.type };
  if (entity.description !== undefined) choice.description = entity.description;
  return choice;
}
