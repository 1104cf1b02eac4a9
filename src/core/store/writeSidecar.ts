import { Document, isMap, isScalar, isSeq, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { ANCHOR_FIELD_ORDER, Annotation, compareAnnotations, FIELD_ORDER, REVIEW_FIELD_ORDER, Sidecar } from '../model';
import { PARSE_OPTIONS } from '../yaml/safeYaml';
import { STRINGIFY_OPTIONS, styledScalar } from './yamlStyle';

type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };
type Ordered = Array<[string, Plain]>;

const TOP_LEVEL_ORDER = ['schemaVersion', 'document', 'fingerprint', 'annotations'] as const;

/**
 * Renders a sidecar. With the previous text, the existing YAML is updated in place:
 * unchanged annotations keep their exact lines and comments, changed ones change only where they differ.
 */
export function writeSidecar(sidecar: Sidecar, previousText?: string): string {
  const annotations = [...sidecar.annotations].sort(compareAnnotations);
  const doc = previousText !== undefined ? reusableDocument(previousText) : undefined;
  if (!doc) return freshDocument(sidecar, annotations).toString(STRINGIFY_OPTIONS);

  const root = doc.contents as YAMLMap;
  for (const key of ['schemaVersion', 'document', 'fingerprint'] as const) setScalar(root, key, sidecar[key]);
  const oldSeq: unknown = root.get('annotations', true);
  const existing = new Map<string, YAMLMap>();
  if (isSeq(oldSeq)) {
    for (const item of oldSeq.items) {
      if (isMap(item)) existing.set(String(item.get('id')), item);
    }
  }
  const seq = isSeq(oldSeq) && !oldSeq.flow ? oldSeq : new YAMLSeq();
  seq.items = annotations.map((a) => {
    const node = existing.get(a.id);
    const desired = orderedAnnotation(a);
    if (!node) return mapNode(desired);
    updateMap(node, desired);
    return node;
  });
  seq.flow = seq.items.length === 0;
  if (seq !== oldSeq) setNode(root, 'annotations', seq);
  reorder(root, TOP_LEVEL_ORDER);
  return doc.toString(STRINGIFY_OPTIONS);
}

function reusableDocument(text: string): Document | undefined {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length || doc.warnings.length || !isMap(doc.contents)) return undefined;
  return doc;
}

function freshDocument(sidecar: Sidecar, annotations: Annotation[]): Document {
  const doc = new Document();
  const root = new YAMLMap();
  root.items.push(
    new Pair(new Scalar('schemaVersion'), styledScalar(sidecar.schemaVersion, 'schemaVersion')),
    new Pair(new Scalar('document'), styledScalar(sidecar.document, 'document')),
    new Pair(new Scalar('fingerprint'), styledScalar(sidecar.fingerprint, 'fingerprint')),
    new Pair(new Scalar('annotations'), seqNode(annotations.map((a) => orderedAnnotation(a)))),
  );
  doc.contents = root;
  return doc;
}

function seqNode(items: Ordered[]): YAMLSeq {
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

function mapNode(pairs: Ordered): YAMLMap {
  const map = new YAMLMap();
  for (const [key, value] of pairs) map.items.push(new Pair(new Scalar(key), valueNode(value, key)));
  return map;
}

/** Brings an existing map to the desired pairs while keeping every node (and comment) that did not change. */
function updateMap(map: YAMLMap, desired: Ordered): void {
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

function reorder(map: YAMLMap, order: readonly string[]): void {
  const rank = new Map(order.map((k, i) => [k, i]));
  map.items.sort((a, b) => (rank.get(keyOf(a)) ?? order.length) - (rank.get(keyOf(b)) ?? order.length));
}

function setScalar(map: YAMLMap, key: string, value: string | number): void {
  const pair = map.items.find((p) => keyOf(p) === key);
  if (!pair) map.items.push(new Pair(new Scalar(key), styledScalar(value, key)));
  else if (!(isScalar(pair.value) && pair.value.value === value)) pair.value = withComments(styledScalar(value, key), pair.value);
}

function setNode(map: YAMLMap, key: string, node: YAMLSeq): void {
  const pair = map.items.find((p) => keyOf(p) === key);
  if (pair) pair.value = node;
  else map.items.push(new Pair(new Scalar(key), node));
}
