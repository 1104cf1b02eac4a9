import { isMap, isSeq } from 'yaml';
import { AUTHOR, PARTY_PREFIX, parseAnnotationRef, TOPIC_PREFIX } from '../model';
import { Problem } from '../problem';
import { LoadedSidecar } from '../store/sidecarStore';
import { problemAtPath } from '../yaml/locate';

/**
 * Workspace-wide checks one sidecar cannot make alone: ids unique across documents, and every
 * reference (link ends, stance targets, speakers, holders) pointing at something that exists.
 * `entityIds` undefined means no catalogue was loaded, so entity references are not checked.
 */
export function checkReferences(sidecars: LoadedSidecar[], entityIds: ReadonlySet<string> | undefined): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  const idsByDocument = new Map<string, Set<string>>();
  for (const s of sidecars) {
    const ids = new Set<string>();
    for (const a of s.read.sidecar?.annotations ?? []) {
      ids.add(a.id);
      const first = owner.get(a.id);
      if (first !== undefined && first !== s.documentPath) {
        problems.push(at(s, a.id, 'id', `id '${a.id}' is also used in ${first}: ids must be unique in the workspace`));
      } else owner.set(a.id, s.documentPath);
    }
    idsByDocument.set(s.documentPath, ids);
  }

  for (const s of sidecars) {
    for (const a of s.read.sidecar?.annotations ?? []) {
      const refs: Array<[string, string, 'annotation' | 'entity' | 'any']> = [];
      if (a.kind === 'link') refs.push(['from', a.from, 'any'], ['to', a.to, 'any']);
      if (a.kind === 'stance') refs.push(['target', a.target, 'any'], ['holder', a.holder, 'entity']);
      if (a.kind === 'claim') refs.push(['speaker', a.speaker, 'entity']);
      for (const [field, ref, expected] of refs) {
        const message = unresolved(ref, expected, s.documentPath, idsByDocument, entityIds);
        if (message) problems.push(at(s, a.id, field, message));
      }
    }
  }
  return problems;
}

function unresolved(ref: string, expected: 'annotation' | 'entity' | 'any', document: string, ids: Map<string, Set<string>>, entityIds: ReadonlySet<string> | undefined): string | undefined {
  if (ref === AUTHOR && expected !== 'annotation') return undefined;
  if (ref.startsWith(TOPIC_PREFIX) || (ref.startsWith(PARTY_PREFIX) && expected === 'entity')) return undefined;
  const annotationRef = parseAnnotationRef(ref);
  if (annotationRef) {
    const target = annotationRef.document ?? document;
    const known = ids.get(target);
    if (!known) return `'${ref}' refers to ${target}, which has no sidecar among those checked`;
    return known.has(annotationRef.id) ? undefined : `'${ref}': no annotation '${annotationRef.id}' in ${target}`;
  }
  if (!entityIds) return undefined;
  return entityIds.has(ref) ? undefined : `'${ref}' is not an annotation reference (path#id) nor an entity id in the catalogue`;
}

function at(s: LoadedSidecar, id: string, field: string, message: string): Problem {
  const parsed = s.read.parsed;
  if (!parsed) return { file: s.name, line: 1, column: 1, severity: 'error', message };
  const seq = isMap(parsed.doc.contents) ? parsed.doc.contents.get('annotations', true) : undefined;
  const index = isSeq(seq) ? seq.items.findIndex((item) => isMap(item) && item.get('id') === id) : -1;
  return problemAtPath(s.name, parsed.doc, parsed.lines, `/annotations/${index}/${field}`, message);
}
