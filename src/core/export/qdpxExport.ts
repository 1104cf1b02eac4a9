import { zipSync } from 'fflate';
import { qdaVariables, qdaVariableValues } from './documentMetadata';
import { Annotation, TOPIC_PREFIX } from '../model';
import { absoluteRef, ExportAnnotation, ExportCorpus, resolveCorpus, ResolvedCorpus } from './corpus';
import { guidFor } from './guid';
import { buildCodebook, codebookDocument, codeElements, codeKeyFor, QdaCode } from './qdaCodebook';
import { renderXml, XmlElement } from './xmlWriter';

// REFI-QDA project export (.qdpx: a zip of project.qde and the plain-text sources) for NVivo, ATLAS.ti,
// MAXQDA and QualCoder. Each document is a TextSource whose text is stored as Sources/<guid>.txt (the
// normalised text, UTF-8 without BOM, LF); each placed annotation a PlainTextSelection (code point
// positions, end exclusive) coded with its kind's code and its tag codes; each link between two placed
// annotations also a <Link> between their selections. GUIDs derive from paths and ids, and zip entry
// times are fixed, so the same corpus gives the same bytes.

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const SCHEMA_LOCATION = `${PROJECT_NAMESPACE} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd`;
export const SOURCES_FOLDER = 'Sources';

export interface QdpxOptions {
  projectName?: string;
}

export interface QdpxResult {
  bytes: Uint8Array;
  /** project.qde as text (for tests and --dry-run style inspection). */
  projectXml: string;
  /** Annotations left out: not placed in their text, so no selection can be made. */
  skipped: string[];
}

function tagsOf(resolved: ResolvedCorpus): string[] {
  return resolved.documents.flatMap((d) => d.annotations.flatMap((a) => a.annotation.tags ?? []));
}

export function exportQdc(corpus: ExportCorpus): string {
  return renderXml(codebookDocument(buildCodebook(tagsOf(resolveCorpus(corpus)))));
}

export function exportQdpx(corpus: ExportCorpus, options: QdpxOptions = {}): QdpxResult {
  const resolved = resolveCorpus(corpus);
  const codes = buildCodebook(tagsOf(resolved));
  const codeGuid = new Map<string, string>();
  const index = (list: QdaCode[]) => list.forEach((c) => (codeGuid.set(c.key, c.guid), index(c.children)));
  index(codes);

  const authors = [...new Set(resolved.documents.flatMap((d) => [...d.annotations.map((a) => a.annotation.author), ...d.links.map((l) => l.link.author)]))].sort();
  const userGuid = (name: string) => guidFor(`user:${name}`);
  const selectionGuid = (ref: string) => guidFor(`selection:${ref}`);
  const skipped: string[] = [];
  const files: Record<string, Uint8Array> = {};
  const sources: XmlElement[] = [];

  for (const doc of resolved.documents) {
    const guid = guidFor(`source:${doc.path}`);
    const fileName = `${guid}.txt`;
    files[`${SOURCES_FOLDER}/${fileName}`] = new TextEncoder().encode(doc.text);
    const selections: XmlElement[] = [];
    for (const item of doc.annotations) {
      if (!item.position) {
        skipped.push(item.ref);
        continue;
      }
      selections.push(selection(item, selectionGuid(item.ref), userGuid(item.annotation.author), codeGuid));
    }
    sources.push({ name: 'TextSource', attributes: [['guid', guid], ['name', doc.path], ['plainTextPath', `internal://${fileName}`]], children: [...selections, ...qdaVariableValues(doc.sidecar.metadata)] });
  }

  const links: XmlElement[] = [];
  for (const doc of resolved.documents) {
    for (const item of doc.annotations) {
      const a = item.annotation;
      if (a.kind !== 'link') continue;
      const from = resolved.byRef.get(absoluteRef(a.from, doc.path));
      const to = resolved.byRef.get(absoluteRef(a.to, doc.path));
      if (!from?.position || !to?.position) continue;
      links.push({
        name: 'Link',
        attributes: [
          ['guid', guidFor(`link:${item.ref}`)],
          ['name', a.relation],
          ['direction', a.relation === 'same-as' ? 'Associative' : 'OneWay'],
          ['originGUID', selectionGuid(from.ref)],
          ['targetGUID', selectionGuid(to.ref)],
        ],
      });
    }
  }

  // A link with no words of its own: only the <Link> between the two selections, its note, author, dates
  // and tags in a project <Note> it refers to (a REFI-QDA link has no codes or description of its own).
  const notes: XmlElement[] = [];
  for (const doc of resolved.documents) {
    for (const item of doc.links) {
      const from = resolved.byRef.get(item.from);
      const to = resolved.byRef.get(item.to);
      if (!from?.position || !to?.position) {
        skipped.push(item.ref);
        continue;
      }
      const noteGuid = guidFor(`note:${item.ref}`);
      const { link } = item;
      const attributes: Array<[string, string]> = [['guid', noteGuid], ['name', `link ${link.id}`], ['creatingUser', userGuid(link.author)], ['creationDateTime', link.created], ['modifiedDateTime', link.modified]];
      const description = link.tags?.length ? [{ name: 'Description', text: `Tags: ${link.tags.join(', ')}` }] : [];
      notes.push({ name: 'Note', attributes, children: [...description, { name: 'PlainTextContent', text: link.note ?? '' }] });
      links.push({
        name: 'Link',
        attributes: [['guid', guidFor(`link:${item.ref}`)], ['name', link.relation], ['direction', link.relation === 'same-as' ? 'Associative' : 'OneWay'], ['originGUID', selectionGuid(from.ref)], ['targetGUID', selectionGuid(to.ref)]],
        children: [{ name: 'NoteRef', attributes: [['targetGUID', noteGuid]] }],
      });
    }
  }

  const children: XmlElement[] = [];
  if (authors.length) children.push({ name: 'Users', children: authors.map((name) => ({ name: 'User', attributes: [['guid', userGuid(name)], ['name', name]] })) });
  children.push({ name: 'CodeBook', children: [{ name: 'Codes', children: codeElements(codes) }] });
  const variables = qdaVariables(resolved.documents.map((d) => d.sidecar.metadata));
  if (variables) children.push(variables);
  if (sources.length) children.push({ name: 'Sources', children: sources });
  if (notes.length) children.push({ name: 'Notes', children: notes });
  if (links.length) children.push({ name: 'Links', children: links });
  const projectXml = renderXml({
    name: 'Project',
    attributes: [
      ['xmlns', PROJECT_NAMESPACE],
      ['xmlns:xsi', XSI],
      ['xsi:schemaLocation', SCHEMA_LOCATION],
      ['name', options.projectName ?? 'Policy Annotator export'],
      ['origin', 'Policy Annotator'],
    ],
    children,
  });
  // Local-time constructor: fflate stores local DOS time, so this gives the same bytes in every time zone.
  const mtime = new Date(2000, 0, 1, 0, 0, 0);
  const bytes = zipSync({ 'project.qde': new TextEncoder().encode(projectXml), ...files }, { level: 6, mtime });
  return { bytes, projectXml, skipped };
}

function termOf(a: Annotation): string | undefined {
  return a.kind === 'claim' ? a.claimType : a.kind === 'stance' ? a.polarity : a.kind === 'link' ? a.relation : undefined;
}

function selection(item: ExportAnnotation, guid: string, user: string, codeGuid: Map<string, string>): XmlElement {
  const a = item.annotation;
  const codeKeys = [codeKeyFor(a.kind, termOf(a)), ...(a.tags ?? []).map((t) => `tag/${t}`)];
  const codings: XmlElement[] = codeKeys.map((key) => ({
    name: 'Coding',
    attributes: [
      ['guid', guidFor(`coding:${item.ref}:${key}`)],
      ['creatingUser', user],
      ['creationDateTime', a.created],
    ],
    children: [{ name: 'CodeRef', attributes: [['targetGUID', codeGuid.get(key)!]] }],
  }));
  return {
    name: 'PlainTextSelection',
    attributes: [
      ['guid', guid],
      ['name', `${a.kind} ${a.id}`],
      ['startPosition', item.position!.start],
      ['endPosition', item.position!.end],
      ['creatingUser', user],
      ['creationDateTime', a.created],
      ['modifiedDateTime', a.modified],
    ],
    children: [{ name: 'Description', text: describe(item) }, ...codings],
  };
}

/** What the selection means, in words, for the QDA tool's memo pane. */
function describe(item: ExportAnnotation): string {
  const a = item.annotation;
  const lines: string[] = [];
  switch (a.kind) {
    case 'claim':
      lines.push(`Claim (${a.claimType}) by ${a.speaker}: ${a.label}`);
      break;
    case 'stance':
      lines.push(`Stance (${a.polarity}) of ${a.holder} on ${a.target.startsWith(TOPIC_PREFIX) ? a.target : absoluteRef(a.target, item.document)}`);
      break;
    case 'note':
      lines.push('Note');
      break;
    case 'link':
      lines.push(`Link: ${absoluteRef(a.from, item.document)} ${a.relation} ${absoluteRef(a.to, item.document)}`);
      break;
  }
  if (a.note !== undefined) lines.push(a.note);
  if (a.tags?.length) lines.push(`Tags: ${a.tags.join(', ')}`);
  if (a.review) lines.push(`Needs review: ${a.review.status}${a.review.reason ? ` (${a.review.reason})` : ''}`);
  lines.push(`Policy Annotator: ${item.ref}, by ${a.author}`);
  return lines.join('\n');
}
