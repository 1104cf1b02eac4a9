import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Node } from 'yaml';
import { Problem } from '../problem';
import { problemAt } from './safeYaml';

/** The node at a JSON-pointer-like path (`/annotations/3/anchor/start`), or the deepest existing parent. */
export function nodeAtPath(doc: Document, pointer: string): { node: Node | undefined; keyNode?: Node } {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const part of parts) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === part);
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(part)];
      if (item === undefined) break;
      keyNode = undefined;
      node = item;
    } else break;
  }
  return { node: node as Node | undefined, keyNode };
}

/** A problem located at the node a pointer names (its key for missing or extra properties). */
export function problemAtPath(file: string, doc: Document, lines: LineCounter, pointer: string, message: string, preferKey = false): Problem {
  const { node, keyNode } = nodeAtPath(doc, pointer);
  const target = preferKey && keyNode ? keyNode : node ?? keyNode;
  const range = target?.range;
  return { ...problemAt(file, lines, range?.[0] ?? 0, message, 'error', range?.[1]), pointer };
}
