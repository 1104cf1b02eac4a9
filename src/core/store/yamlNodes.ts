// The `yaml` nodes a sidecar is written with: the fixed key order, and in-place updates that keep
// every node (and comment) whose value did not change. Shared by the whole-Document writer and the fast path.
import { isMap, isScalar, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { ANCHOR_FIELD_ORDER, DocumentMetadata, SidecarEntry, FIELD_ORDER, METADATA_FIELD_ORDER, REVIEW_FIELD_ORDER } from '../model';
import { styledScalar } from './yamlStyle';

export type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };
export type Ordered = Array<[string, Plain]>;

export const TOP_LEVEL_ORDER = ['schemaVersion', 'document', 'fingerprint', 'metadata', 'annotations'] as const;
/** The top-level keys in order, as written: `metadata` only when there is some (old sidecars have none). */
export const keysWritten = (keys: Iterable<string>): boolean => {
  const list = [...keys];
  return list.join() === TOP_LEVEL_ORDER.filter((k) => k !== 'metadata' || list.includes(k)).join();
};

/** The metadata as key/value pairs in the fixed order, without absent or empty fields; undefined when none is left. */
export function orderedMetadata(m: DocumentMetadata | undefined): Ordered | undefined {
  if (!m) return undefined;
  const record = m as Record<string, unknown>;
  const out: Ordered = [];
  for (const key of METADATA_FIELD_ORDER) {
    const value = record[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out.push([key, value as Plain]);
  }
  return out.length ? out : undefined;
}

/** Sets (or removes) the root's `metadata` mapping, keeping the nodes and comments that did not change. */
export function setMetadata(root: YAMLMap, metadata: Ordered | undefined): void {
  const pair = root.items.find((p) => keyOf(p) === 'metadata');
  if (!metadata) {
    if (pair) root.items = root.items.filter((p) => p !== pair);
    return;
  }
  if (pair && isMap(pair.value) && !pair.value.flow) updateMap(pair.value, metadata);
  else if (pair) pair.value = withComments(mapNode(metadata), pair.value);
  else root.items.push(new Pair(new Scalar('metadata'), mapNode(metadata)));
}


export function seqNode(items: Ordered[]): YAMLSeq {
  const seq = new YAMLSeq();
  seq.items = items.map(mapNode);
  if (!items.length) seq.flow = true;
  return seq;
}

/** The annotation as key/value pairs in the fixed field order, without absent fields. */
export function orderedAnnotation(a: SidecarEntry): Ordered {
  const record = a as unknown as Record<string, unknown>;
  const out: Ordered = [];
  for (const key of FIELD_ORDER[a.kind]) {
    const value = record[key];
    if (value === undefined || (key === 'tags' && Array.isArray(value) && value.length === 0)) continue;
    if (key === 'anchor') out.push([key, orderedObject(value as Record<string, Plain>, ANCHOR_FIELD_ORDER)]);
    else if (key === 'review') out.push([key, orderedObject(value as Record<string, Plain>, REVIEW_FIELD_ORDER)]);
    else out.push([key, value as Plain]);
  }
  return out;
}

function orderedObject(value: Record<string, Plain>, order: readonly string[]): Plain {
  const out: Record<string, Plain> = {};
  for (const key of order) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

export function valueNode(value: Plain, key: string): Scalar | YAMLMap | YAMLSeq {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.items = value.map((v) => valueNode(v, key));
    return seq;
  }
  if (value !== null && typeof value === 'object') return mapNode(Object.entries(value));
  return styledScalar(value, key);
}

export function mapNode(pairs: Ordered): YAMLMap {
  const map = new YAMLMap();
  for (const [key, value] of pairs) map.items.push(new Pair(new Scalar(key), valueNode(value, key)));
  return map;
}

/** Brings an existing map to the desired pairs while keeping every node (and comment) that did not change. */
export function updateMap(map: YAMLMap, desired: Ordered): void {
  const wanted = new Set(desired.map(([k]) => k));
  map.items = map.items.filter((pair) => wanted.has(keyOf(pair)));
  for (const [key, value] of desired) {
    const pair = map.items.find((p) => keyOf(p) === key);
    if (!pair) {
      map.items.push(new Pair(new Scalar(key), valueNode(value, key)));
      continue;
    }
    const current = pair.value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && isMap(current)) {
      updateMap(current, Object.entries(value));
    } else if (isScalar(current) && !Array.isArray(value) && typeof value !== 'object') {
      if (current.value !== value) pair.value = withComments(styledScalar(value, key), current);
    } else if (!sameValue(current, value)) {
      pair.value = withComments(valueNode(value, key), current);
    }
  }
  reorder(map, desired.map(([k]) => k));
}

/** A replacement node keeps the comments a person put on the old one. */
export function withComments<T extends Scalar | YAMLMap | YAMLSeq>(node: T, old: unknown): T {
  const source = old as { comment?: string | null; commentBefore?: string | null } | null;
  if (source?.comment) node.comment = source.comment;
  if (source?.commentBefore) node.commentBefore = source.commentBefore;
  return node;
}

function sameValue(node: unknown, value: Plain): boolean {
  const js = node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node;
  return JSON.stringify(js) === JSON.stringify(value);
}

export function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

export function reorder(map: YAMLMap, order: readonly string[]): void {
  const rank = new Map(order.map((k, i) => [k, i]));
  map.items.sort((a, b) => (rank.get(keyOf(a)) ?? order.length) - (rank.get(keyOf(b)) ?? order.length));
}

export function setScalar(map: YAMLMap, key: string, value: string | number): void {
  const pair = map.items.find((p) => keyOf(p) === key);
  if (!pair) map.items.push(new Pair(new Scalar(key), styledScalar(value, key)));
  else if (!(isScalar(pair.value) && pair.value.value === value)) pair.value = withComments(styledScalar(value, key), pair.value);
}

export function setNode(map: YAMLMap, key: string, node: YAMLSeq): void {
  const pair = map.items.find((p) => keyOf(p) === key);
  if (pair) pair.value = node;
  else map.items.push(new Pair(new Scalar(key), node));
}
