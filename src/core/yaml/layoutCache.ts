// The layout (key and item offsets) of the last few subset texts read or written, so a save against
// the text that was just loaded or saved does not read the whole file again. Only offsets are kept,
// never parsed values: callers may change the objects they were given.
import { BlockSubset, parseBlockSubset } from './blockSubset';

export type SubsetLayout = Pick<BlockSubset, 'keyStart' | 'itemRanges'>;

const SIZE = 4;
const entries: Array<{ text: string; layout: SubsetLayout }> = [];

export function rememberLayout(text: string, layout: SubsetLayout): void {
  entries.unshift({ text, layout: { keyStart: layout.keyStart, itemRanges: layout.itemRanges } });
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
  if (parsed) rememberLayout(text, parsed);
  return parsed;
}

export function clearLayoutCache(): void {
  entries.length = 0;
}
