import { isMap, isSeq } from 'yaml';
import { lookupOf, supersessionProblem } from '../agreement/superseded';
import { AUTHOR, PARTY_PREFIX, parseAnnotationRef, TOPIC_PREFIX } from '../model';
import { Problem } from '../problem';
import { readSidecar, type SidecarRead } from '../store/readSidecar';
import { LoadedSidecar } from '../store/sidecarStore';
import { problemAtPath } from '../yaml/locate';

/**
 * Workspace-wide checks one sidecar cannot make alone: ids unique across documents, and every
 * reference (link ends, stance targets, speakers, holders, supersededBy) pointing at something that exists.
 * `entityIds` undefined means no catalogue was loaded, so entity references are not checked. `everySidecar`
 * false (some paths were named): a supersededBy found nowhere may be in a sidecar not checked, so it is a warning.
 */
export function checkReferences(sidecars: LoadedSidecar[], entityIds: ReadonlySet<string> | undefined, everySidecar = true): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  const idsByDocument = annotationIds(sidecars);
  for (const s of sidecars) {
    for (const id of idsByDocument.get(s.documentPath) ?? []) {
      const first = owner.get(id);
      if (first !== undefined && first !== s.documentPath) {
        problems.push(at(s, id, 'id', `id '${id}' is also used in ${first}: ids must be unique in the workspace`));
      } else owner.set(id, s.documentPath);
    }
  }

  // supersededBy names an annotation anywhere in the workspace (a bare id): one that names nothing is reported, and not hidden.
  const everyAnnotation = lookupOf(sidecars.flatMap((s) => [...(s.read.sidecar?.annotations ?? []), ...(s.read.sidecar?.links ?? [])]));
  for (const s of sidecars) {
    for (const a of [...(s.read.sidecar?.annotations ?? []), ...(s.read.sidecar?.links ?? [])]) {
      const message = supersessionProblem(a, everyAnnotation);
      if (message) problems.push({ ...at(s, a.id, 'supersededBy', everySidecar ? message : `${message} (of the sidecars checked)`), ...(everySidecar ? {} : { severity: 'warning' as const }) });
    }
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
    // An anchorless link joins two annotations: an end that is gone is reported here (and in Needs Review), the link kept.
    for (const link of s.read.sidecar?.links ?? []) {
      for (const field of ['from', 'to'] as const) {
        const message = unresolved(link[field], 'annotation', s.documentPath, idsByDocument, entityIds);
        if (message) problems.push(at(s, link.id, field, `anchorless link ${message}`));
      }
    }
  }
  return problems;
}

/** The ids each document's sidecar holds (anchored annotations and anchorless links). */
export function annotationIds(sidecars: readonly LoadedSidecar[]): Map<string, Set<string>> {
  return new Map(sidecars.map((s) => [s.documentPath, new Set([...(s.read.sidecar?.annotations ?? []), ...(s.read.sidecar?.links ?? [])].map((a) => a.id))]));
}

/**
 * Why an anchorless link's end (`path#id` or `#id`, read in `document`) names no annotation, or undefined.
 * Only documents in `ids` are judged: an end in a document not checked is not called broken.
 */
export function brokenLinkEnd(ref: string, document: string, ids: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  const parsed = parseAnnotationRef(ref);
  if (!parsed) return `'${ref}' is not an annotation reference (path#id or #id)`;
  const known = ids.get(parsed.document ?? document);
  return !known || known.has(parsed.id) ? undefined : `'${ref}': no annotation '${parsed.id}' in ${parsed.document ?? document}`;
}

function unresolved(ref: string, expected: 'annotation' | 'entity' | 'any', document: string, ids: ReadonlyMap<string, ReadonlySet<string>>, entityIds: ReadonlySet<string> | undefined): string | undefined {
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

/** A reference of one annotation that cannot be followed: which field, and why. */
export interface ReferenceProblem {
  id: string;
  field: string;
  message: string;
}

/**
 * A sidecar's reference problems (a `supersededBy` or a link end that names nothing, judged by the
 * caller over the whole workspace), each located at its line, for the editor's Problems view.
 */
export function locateReferenceProblems(name: string, text: string, problems: readonly ReferenceProblem[]): Problem[] {
  const read = readSidecar(text, name, { rememberLayout: false });
  // A file that cannot be read (a conflict marker, say) shows its own problem, and what it would
  // reference cannot be judged from it; an entry not yet saved is not in the file to point at.
  if (!read.sidecar || read.problems.some((p) => p.severity === 'error')) return [];
  const saved = new Set([...read.sidecar.annotations, ...(read.sidecar.links ?? [])].map((a) => a.id));
  return problems.filter((p) => saved.has(p.id)).map(({ id, field, message }) => problemAt(name, read, id, field, message));
}

function at(s: LoadedSidecar, id: string, field: string, message: string): Problem {
  return problemAt(s.name, s.read, id, field, message);
}

function problemAt(name: string, read: Pick<SidecarRead, 'parsed'>, id: string, field: string, message: string): Problem {
  const parsed = read.parsed;
  if (!parsed) return { file: name, line: 1, column: 1, severity: 'error', message };
  const seq = isMap(parsed.doc.contents) ? parsed.doc.contents.get('annotations', true) : undefined;
  const index = isSeq(seq) ? seq.items.findIndex((item) => isMap(item) && item.get('id') === id) : -1;
  return problemAtPath(name, parsed.doc, parsed.lines, `/annotations/${index}/${field}`, message);
}
