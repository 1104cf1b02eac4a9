import * as vscode from 'vscode';
import { ENTITY_TYPES, type EntityType, type Mention } from '../../core/entities/types';
import type { HighlightKind } from './entitySettings';

// One look per entity type, one for values and one for candidates. The colour ids are declared in
// package.json contributes.colors, so themes (high contrast too) can change them.

export const STYLE_KEYS = [...ENTITY_TYPES, 'value', 'candidate'] as const;
export type StyleKey = (typeof STYLE_KEYS)[number];

const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

export function colorId(key: StyleKey): string {
  return `policyAnnotator.entity${capitalise(key)}`;
}

/** The workbench exposes every registered colour as a CSS variable. */
function cssColor(key: StyleKey): string {
  return `var(--vscode-${colorId(key).replace(/[^a-z0-9-]/gi, '-')})`;
}

/**
 * Underlines only: annotations use background tints, borders and gutter icons, so an underline stays
 * readable on top of them. Names solid, values dashed, candidates a thin dotted line.
 */
export function decorationOptions(key: StyleKey): vscode.DecorationRenderOptions {
  const line = key === 'candidate' ? 'underline dotted 2px' : key === 'value' ? 'underline dashed 1px' : 'underline solid 2px';
  return { textDecoration: `${line} ${cssColor(key)}`, rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed };
}

export function styleOf(mention: Mention): StyleKey {
  return mention.source === 'value' ? 'value' : mention.source === 'candidate' ? 'candidate' : (mention.type as EntityType);
}

/** The setting value that switches a mention on or off. */
export function kindOf(mention: Mention): HighlightKind {
  return mention.source === 'candidate' ? 'candidate' : (mention.type as HighlightKind);
}

const ICONS: Record<EntityType, string> = {
  person: 'person',
  organisation: 'organization',
  place: 'location',
  programme: 'project',
  event: 'calendar',
  concept: 'lightbulb',
};

export function entityIcon(type: EntityType): vscode.ThemeIcon {
  return new vscode.ThemeIcon(ICONS[type], new vscode.ThemeColor(colorId(type)));
}

const PLURALS: Record<EntityType, string> = {
  person: 'People',
  organisation: 'Organisations',
  place: 'Places',
  programme: 'Programmes',
  event: 'Events',
  concept: 'Concepts',
};

export function typePlural(type: EntityType): string {
  return PLURALS[type];
}

export const SYMBOL_KINDS: Record<EntityType, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Object,
  organisation: vscode.SymbolKind.Class,
  place: vscode.SymbolKind.Namespace,
  programme: vscode.SymbolKind.Package,
  event: vscode.SymbolKind.Event,
  concept: vscode.SymbolKind.Interface,
};
