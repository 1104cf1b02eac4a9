import type { Entity } from '../../core/entities/types';
import type { Filter } from '../tree/treeNodes';

/** Where the Entities view reads the filter the annotation views share (TreeState). */
export interface FilterSource {
  readonly filter: Filter | undefined;
  readonly filterText: string;
  onDidChange(listener: () => void): { dispose(): void };
}

/**
 * The shared filter applied to an entity: words in its name, aliases, role, description, type or id;
 * `kind:` keeps entities only for `kind:entity` or their type (`kind:person`); entities have no tags,
 * so `tag:` matches none.
 */
export function entityMatches(entity: Entity, filter: Filter | undefined): boolean {
  if (!filter) return true;
  if (filter.kinds.length && !filter.kinds.some((k) => k === 'entity' || k === entity.type)) return false;
  if (filter.tags.length) return false;
  const haystack = [entity.name, ...entity.aliases, entity.role, entity.description, entity.type, entity.id].filter(Boolean).join(' ').toLowerCase();
  return filter.words.every((w) => haystack.includes(w));
}
