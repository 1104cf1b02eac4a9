// The layout of the last few subset texts read or written: where each top-level key and each
// sequence item is, with a private copy of the items' values. A save against the text that was just
// loaded or saved then compares values and splices text without reading the file again. The copies
// are the cache's own: callers may change the objects they were given.
import { BlockSubset, parseBlockSubset, PlainValue } from './blockSubset';

export interface SubsetLayout {
  /** Offset where each top-level key's line starts, in file order. */
  keyStart: Map<string, number>;
  /** Top-level values that are scalars. */
  scalars: Map<string, string | number>;
  /** Top-level block sequences: each item's [start, end) offsets and value. */
  items: Map<string, SequenceLayout>;
  /** Top-level values that are mappings (a sidecar's `metadata`). */
  maps?: Map<string, PlainValue>;
}

export interface SequenceLayout {
  ranges: Array<[number, number]>;
  values: PlainValue[];
  /** Every item is a mapping with a string `id`, no two the same. */
  distinctIds: boolean;
}

const SIZE = 4;
const entries: Array<{ text: string; layout: SubsetLayout }> = [];

/** The layout of a parsed text; `shared` when its values were handed to a caller (they are copied). */
export function layoutFrom(subset: BlockSubset, shared: boolean): SubsetLayout {
  const scalars = new Map<string, string | number>();
  const maps = new Map<string, PlainValue>();
  for (const [key, value] of Object.entries(subset.value)) {
    if (typeof value !== 'object') scalars.set(key, value);
    else if (!Array.isArray(value)) maps.set(key, shared ? clonePlain(value) : value);
  }
  const items = new Map<string, SequenceLayout>();
  for (const [key, ranges] of subset.itemRanges) {
    const values = subset.value[key] as PlainValue[];
    const ids = new Set<string>();
    for (const v of values) if (typeof v === 'object' && !Array.isArray(v) && typeof v.id === 'string') ids.add(v.id);
    items.set(key, { ranges, values: shared ? values.map(clonePlain) : values, distinctIds: ids.size === values.length });
  }
  return { keyStart: subset.keyStart, scalars, items, maps };
}

export function rememberLayout(text: string, layout: SubsetLayout): void {
  // No search for an equal entry: comparing a freshly spliced text (a rope) would flatten and scan it.
  entries.unshift({ text, layout });
  if (entries.length > SIZE) entries.length = SIZE;
}

/** The layout of `text`, or undefined when it is not in the subset. */
export function layoutOf(text: string): SubsetLayout | undefined {
  // `===` on the same string object is a pointer check; an equal copy costs one comparison.
  const at = entries.findIndex((e) => e.text.length === text.length && e.text === text);
  if (at >= 0) {
    const [hit] = entries.splice(at, 1);
    entries.unshift(hit);
    return hit.layout;
  }
  const parsed = parseBlockSubset(text);
  if (!parsed) return undefined;
  const layout = layoutFrom(parsed, false);
  rememberLayout(text, layout);
  return layout;
}

export function clearLayoutCache(): void {
  entries.length = 0;
}

export function clonePlain(value: PlainValue): PlainValue {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(clonePlain);
  const out: { [key: string]: PlainValue } = {};
  for (const key in value) out[key] = clonePlain(value[key]);
  return out;
}
