import { isMap, isScalar, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { ANCHOR_FIELD_ORDER, Annotation, FIELD_ORDER, REVIEW_FIELD_ORDER } from '../model';
import { styledScalar } from './yamlStyle';

// The sidecar as `yaml` nodes: annotations as pairs in the fixed field order, new nodes in the writer's
// style, and existing nodes brought to new values while every unchanged node (and comment) is kept.

export type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };
export type Ordered = Array<[string, Plain]>;

export const TOP_LEVEL_ORDER = ['schemaVersion', 'document', 'fingerprint', 'annotations'] as const;

export function seqNode(items: Ordered[]): YAMLSeq {
  const seq = new YAMLSeq();
  seq.items = items.map(mapNode);
  if (!items.length) seq.flow = true;
  return seq;
}

/** The annotation as key/value pairs in the fixed field order, without absent fields. */
export function orderedAnnotation(a: Annotation): Ordered {
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

function valueNode(value: Plain, key: string): Scalar | YAMLMap | YAMLSeq {
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
function withComments<T extends Scalar | YAMLMap | YAMLSeq>(node: T, old: unknown): T {
  const source = old as { comment?: string | null; commentBefore?: string | null } | null;
  if (source?.comment) node.comment = source.comment;
  if (source?.commentBefore) node.commentBefore = source.commentBefore;
  return node;
}

function sameValue(node: unknown, value: Plain): boolean {
  const js = node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : node;
  return JSON.stringify(js) === JSON.stringify(value);
}

function keyOf(pair: Pair): string {
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
