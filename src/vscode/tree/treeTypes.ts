// Types the annotation views' row builders share (treeNodes.ts, linkNodes.ts).

export interface Filter {
  words: string[];
  tags: string[];
  kinds: string[];
}

/** Names what a reference points at: an entity's name, or the label of the annotation in the workspace. */
export type RefName = (ref: string, fromDocument: string) => string;
