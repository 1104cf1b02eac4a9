// Entity and mention types. The type lists live here only: schema, loader, matcher and CLI read them.

/** Kinds of catalogue entity. Adding one is a one-line change (the JSON Schema is generated from this). */
export const ENTITY_TYPES = ['person', 'organisation', 'place', 'programme', 'event', 'concept'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Kinds of value the built-in recognisers find (money, percentages, dates and periods, durations, counts). */
export const VALUE_TYPES = ['money', 'percentage', 'date', 'duration', 'count'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** Type of a candidate mention: the heuristic cannot tell a person from an organisation. */
export const CANDIDATE_TYPE = 'unknown';
export type MentionType = EntityType | ValueType | typeof CANDIDATE_TYPE;

export const MENTION_SOURCES = ['catalogue', 'value', 'candidate'] as const;
export type MentionSource = (typeof MENTION_SOURCES)[number];

/** Entity ids: lowercase kebab case. */
export const ENTITY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Where something was written: 1-based line and column. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface EntityLinks {
  wikidata?: string;
  url?: string;
}

export interface Entity {
  id: string;
  type: EntityType;
  /** Canonical name; it is matched like an alias. */
  name: string;
  aliases: string[];
  description?: string;
  role?: string;
  links?: EntityLinks;
  related?: string[];
  /** Where the entity's id was written (set by the loader). */
  origin?: SourcePosition;
}

export interface Catalogue {
  entities: Entity[];
}

/**
 * One recognised span. Offsets are UTF-16 code units of the scanned text, end exclusive.
 * `entityId` is the catalogue id; values use `value:<type>`, candidates `candidate:<slug>`
 * (a suggested catalogue id), so mentions can be counted per entity in one table.
 */
export interface Mention {
  start: number;
  end: number;
  text: string;
  entityId: string;
  type: MentionType;
  source: MentionSource;
}

export interface Span {
  start: number;
  end: number;
}
