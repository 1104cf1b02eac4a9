import { Document, isMap, isSeq, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { Sidecar, SidecarEntry, sidecarEntries } from '../model';
import { PARSE_OPTIONS } from '../yaml/safeYaml';
import { spliceSidecar } from './spliceSidecar';
import { mapNode, orderedAnnotation, orderedMetadata, reorder, seqNode, setMetadata, setNode, setScalar, TOP_LEVEL_ORDER, updateMap } from './yamlNodes';
import { STRINGIFY_OPTIONS, styledScalar } from './yamlStyle';

export { orderedAnnotation, orderedMetadata } from './yamlNodes';

/**
 * Renders a sidecar. With the previous text, the existing YAML is updated in place:
 * unchanged annotations keep their exact lines and comments, changed ones change only where they differ.
 */
export function writeSidecar(sidecar: Sidecar, previousText?: string): string {
  const annotations = sidecarEntries(sidecar);
  if (previousText !== undefined) {
    const spliced = spliceSidecar(sidecar, annotations, previousText);
    if (spliced !== undefined) return spliced;
  }
  return writeWithDocument(sidecar, annotations, previousText);
}

/** writeSidecar through a whole `yaml` Document only: the reference the fast path must equal. */
export function writeSidecarWithDocument(sidecar: Sidecar, previousText?: string): string {
  return writeWithDocument(sidecar, sidecarEntries(sidecar), previousText);
}

function writeWithDocument(sidecar: Sidecar, annotations: SidecarEntry[], previousText: string | undefined): string {
  const doc = previousText !== undefined ? reusableDocument(previousText) : undefined;
  if (!doc) return freshDocument(sidecar, annotations).toString(STRINGIFY_OPTIONS);

  const root = doc.contents as YAMLMap;
  for (const key of ['schemaVersion', 'document', 'fingerprint'] as const) setScalar(root, key, sidecar[key]);
  setMetadata(root, orderedMetadata(sidecar.metadata));
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

function freshDocument(sidecar: Sidecar, annotations: SidecarEntry[]): Document {
  const doc = new Document();
  const root = new YAMLMap();
  root.items.push(
    new Pair(new Scalar('schemaVersion'), styledScalar(sidecar.schemaVersion, 'schemaVersion')),
    new Pair(new Scalar('document'), styledScalar(sidecar.document, 'document')),
    new Pair(new Scalar('fingerprint'), styledScalar(sidecar.fingerprint, 'fingerprint')),
  );
  const metadata = orderedMetadata(sidecar.metadata);
  if (metadata) root.items.push(new Pair(new Scalar('metadata'), mapNode(metadata)));
  root.items.push(new Pair(new Scalar('annotations'), seqNode(annotations.map((a) => orderedAnnotation(a)))));
  doc.contents = root;
  return doc;
}
