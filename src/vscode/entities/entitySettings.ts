import * as vscode from 'vscode';
import { ENTITY_TYPES, VALUE_TYPES } from '../../core/entities/types';
import { SECTION } from '../settings';

// Typed access to the entity settings (package.json contributes.configuration lists the same keys).

/** What can be highlighted: catalogue entity types, value types, and candidate names. */
export const HIGHLIGHT_KINDS = [...ENTITY_TYPES, ...VALUE_TYPES, 'candidate'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

export interface EntitySettings {
  /** Catalogue files or globs, relative to the workspace folder. */
  entityCatalogues: string[];
  entityDecorations: boolean;
  entityTypes: HighlightKind[];
  entityCandidates: boolean;
  /** Characters; larger documents are not scanned. */
  maxDocumentSize: number;
}

export const ENTITY_DEFAULTS: EntitySettings = {
  entityCatalogues: ['annotations/entities.yaml'],
  entityDecorations: true,
  entityTypes: [...HIGHLIGHT_KINDS],
  entityCandidates: true,
  maxDocumentSize: 5_000_000,
};

export const ENTITY_KEYS = Object.keys(ENTITY_DEFAULTS) as (keyof EntitySettings)[];

export function readEntitySettings(scope?: vscode.ConfigurationScope): EntitySettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const catalogues = config.get<unknown>('entityCatalogues');
  const types = config.get<unknown>('entityTypes');
  const size = config.get<unknown>('maxDocumentSize');
  return {
    entityCatalogues: Array.isArray(catalogues) ? catalogues.filter(isSafeRelative) : ENTITY_DEFAULTS.entityCatalogues,
    entityDecorations: config.get<boolean>('entityDecorations') ?? ENTITY_DEFAULTS.entityDecorations,
    entityTypes: Array.isArray(types) ? types.filter((t): t is HighlightKind => (HIGHLIGHT_KINDS as readonly unknown[]).includes(t)) : ENTITY_DEFAULTS.entityTypes,
    entityCandidates: config.get<boolean>('entityCandidates') ?? ENTITY_DEFAULTS.entityCandidates,
    maxDocumentSize: typeof size === 'number' && size > 0 ? size : ENTITY_DEFAULTS.maxDocumentSize,
  };
}

export function affectsEntitySettings(event: vscode.ConfigurationChangeEvent, key?: keyof EntitySettings): boolean {
  return (key ? [key] : ENTITY_KEYS).some((k) => event.affectsConfiguration(`${SECTION}.${k}`));
}

/** Catalogue paths must stay inside the workspace folder. */
function isSafeRelative(value: unknown): value is string {
  if (typeof value !== 'string' || !value.trim()) return false;
  const path = value.replace(/\\/g, '/');
  return !path.startsWith('/') && !/^[a-zA-Z]:/.test(path) && !path.split('/').includes('..');
}
