import { Document, isMap, isSeq, Pair, parseDocument, Scalar, YAMLMap } from 'yaml';
import { ANCHOR_FIELD_ORDER, FIELD_ORDER, REVIEW_FIELD_ORDER, Sidecar, SidecarEntry } from '../model';
import { parseBlockSubset, PlainValue } from '../yaml/blockSubset';
import { clonePlain, layoutOf, rememberLayout } from '../yaml/layoutCache';
import { PARSE_OPTIONS } from '../yaml/safeYaml';
import { STRINGIFY_OPTIONS } from './yamlStyle';
import { keysWritten, Ordered, orderedAnnotation, orderedMetadata, reorder, seqNode, setMetadata, setScalar, TOP_LEVEL_ORDER, updateMap } from './yamlNodes';

// The fast path. When the previous text is in the writer's own layout (blockSubset.ts), the result
// is the previous text with only the changed parts re-rendered: each annotation is one block of
// lines (`  - id: …` up to the next item), kept verbatim when its value is unchanged, otherwise
// rendered through a `yaml` Document of that one item exactly as the whole-Document path would.
// Kept runs are joined as string slices, so the cost follows the number of changes, not the file
// (plus one cheap value comparison per annotation). Undefined sends the caller to that path.

const SEQ_HEAD = 'annotations:\n';

export function spliceSidecar(sidecar: Sidecar, annotations: SidecarEntry[], previous: string): string | undefined {
  const layout = layoutOf(previous);
  if (!layout || !keysWritten(layout.keyStart.keys())) return undefined;
  const seqStart = layout.keyStart.get('annotations')!;
  const seq = layout.items.get('annotations') ?? { ranges: [], values: [], distinctIds: true };
  const idAt = (i: number): unknown => (seq.values[i] as Record<string, PlainValue> | undefined)?.id;
  // Annotations mostly keep their order: match by walking both lists, and by id only where that fails.
  let byId: Map<string, number> | undefined;
  const find = (id: string, guess: number): number | undefined => {
    if (idAt(guess) === id) return guess;
    if (!byId) {
      byId = new Map();
      for (let i = 0; i < seq.values.length; i++) byId.set(String(idAt(i)), i);
    }
    return byId.get(id);
  };
  if (!seq.distinctIds) return undefined;
  // The output as pieces: runs of kept blocks (one slice each) and re-rendered blocks.
  const pieces: string[] = [];
  const ranges: Array<[number, number]> = [];
  const values: PlainValue[] = [];
  let runStart = -1;
  let runEnd = -1;
  let at = 0;
  // Duplicate ids (which the whole-Document path renders oddly) are left to it.
  const used = new Uint8Array(seq.values.length);
  const added = new Set<string>();
  let guess = 0;
  for (const a of annotations) {
    const i = find(a.id, guess);
    if (i !== undefined) guess = i + 1;
    if (i === undefined ? added.has(a.id) || !added.add(a.id) : used[i]++) return undefined;
    const range = i === undefined ? undefined : seq.ranges[i];
    if (range && sameAnnotation(a, seq.values[i!] as Record<string, PlainValue>)) {
      if (range[0] !== runEnd) {
        if (runStart >= 0) pieces.push(previous.slice(runStart, runEnd));
        runStart = range[0];
      }
      runEnd = range[1];
      ranges.push([at, (at += range[1] - range[0])]);
      values.push(seq.values[i!]);
      continue;
    }
    const desired = orderedAnnotation(a);
    const block = renderItem(desired, range && previous.slice(range[0], range[1]));
    if (block === undefined) return undefined;
    if (runStart >= 0) pieces.push(previous.slice(runStart, runEnd));
    runStart = runEnd = -1;
    pieces.push(block);
    ranges.push([at, (at += block.length)]);
    values.push(plainOf(desired));
  }
  if (runStart >= 0) pieces.push(previous.slice(runStart, runEnd));

  const headerPairs: Ordered = [
    ['schemaVersion', sidecar.schemaVersion],
    ['document', sidecar.document],
    ['fingerprint', sidecar.fingerprint],
  ];
  const metadata = orderedMetadata(sidecar.metadata);
  const oldMetadata = layout.maps?.get('metadata');
  const sameMetadata = metadata ? oldMetadata !== undefined && JSON.stringify(plainOf(metadata)) === JSON.stringify(oldMetadata) : !layout.keyStart.has('metadata');
  const sameHeader = sameMetadata && headerPairs.every(([key, value]) => layout.scalars.get(key) === value);
  const header = sameHeader ? { text: previous.slice(0, seqStart), keyStart: layout.keyStart } : renderHeader(previous.slice(0, seqStart), headerPairs, metadata);
  if (!header) return undefined;
  // `+` builds a rope: nothing is copied until the text is read (written to disk, say).
  let text = header.text + (pieces.length ? SEQ_HEAD : 'annotations: []\n');
  for (const piece of pieces) text += piece;

  const keyStart = new Map(header.keyStart);
  const maps = new Map<string, PlainValue>(metadata ? [['metadata', plainOf(metadata)]] : []);
  keyStart.set('annotations', header.text.length);
  const base = header.text.length + SEQ_HEAD.length;
  for (const r of ranges) {
    r[0] += base;
    r[1] += base;
  }
  const scalars = new Map<string, string | number>(headerPairs.map(([k, v]) => [k, v as string | number]));
  rememberLayout(text, { keyStart, scalars, maps, items: ranges.length ? new Map([['annotations', { ranges, values, distinctIds: true }]]) : new Map() });
  return text;
}

/** Whether the whole-Document path would leave this annotation's node as it is: same fields, order and values. */
function sameAnnotation(a: SidecarEntry, plain: Record<string, PlainValue>): boolean {
  const record = a as unknown as Record<string, unknown>;
  const keys = Object.keys(plain);
  let k = 0;
  for (const key of FIELD_ORDER[a.kind]) {
    const value = record[key];
    if (value === undefined || (key === 'tags' && Array.isArray(value) && value.length === 0)) continue;
    if (keys[k++] !== key) return false;
    const old = plain[key];
    if (key === 'anchor' || key === 'review') {
      if (!sameObject(value as Record<string, unknown>, old, key === 'anchor' ? ANCHOR_FIELD_ORDER : REVIEW_FIELD_ORDER)) return false;
    } else if (Array.isArray(value)) {
      if (!Array.isArray(old) || old.length !== value.length || value.some((v, i) => v !== old[i])) return false;
    } else if (value !== old) return false;
  }
  return k === keys.length;
}

function sameObject(value: Record<string, unknown>, old: PlainValue | undefined, order: readonly string[]): boolean {
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return false;
  const keys = Object.keys(old);
  let k = 0;
  for (const key of order) {
    if (value[key] === undefined) continue;
    if (keys[k++] !== key || value[key] !== old[key]) return false;
  }
  return k === keys.length;
}

function plainOf(pairs: Ordered): PlainValue {
  const out: { [key: string]: PlainValue } = {};
  for (const [key, value] of pairs) out[key] = clonePlain(value as PlainValue);
  return out;
}

/** One annotation as the whole-Document path renders it: its old node updated in place, or a new one. */
function renderItem(desired: Ordered, kept: string | undefined): string | undefined {
  let doc: Document;
  if (kept !== undefined) {
    doc = parseDocument(SEQ_HEAD + kept, PARSE_OPTIONS);
    const seq = isMap(doc.contents) ? doc.contents.get('annotations', true) : undefined;
    const node = isSeq(seq) && seq.items.length === 1 ? seq.items[0] : undefined;
    if (doc.errors.length || doc.warnings.length || !isMap(node)) return undefined;
    updateMap(node, desired);
  } else {
    doc = new Document();
    const root = new YAMLMap();
    root.items.push(new Pair(new Scalar('annotations'), seqNode([desired])));
    doc.contents = root;
  }
  const out = doc.toString(STRINGIFY_OPTIONS);
  // Splice only what reads back as exactly one item of the subset (a `|+` literal, say, would not).
  if (!out.startsWith(SEQ_HEAD) || parseBlockSubset(out)?.itemRanges.get('annotations')?.length !== 1) return undefined;
  return out.slice(SEQ_HEAD.length);
}

function renderHeader(oldHeader: string, pairs: Ordered, metadata: Ordered | undefined): { text: string; keyStart: Map<string, number> } | undefined {
  const doc = parseDocument(oldHeader, PARSE_OPTIONS);
  if (doc.errors.length || doc.warnings.length || !isMap(doc.contents)) return undefined;
  const root = doc.contents;
  for (const [key, value] of pairs) setScalar(root, key, value as string | number);
  setMetadata(root, metadata);
  reorder(root, TOP_LEVEL_ORDER);
  const text = doc.toString(STRINGIFY_OPTIONS);
  const check = parseBlockSubset(text + 'annotations: []\n');
  if (!check || !keysWritten(check.keyStart.keys())) return undefined;
  return { text, keyStart: check.keyStart };
}
