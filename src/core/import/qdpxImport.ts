import { CodePointIndex } from '../anchoring/offsets';
import { AnnotationKind, ANNOTATION_KINDS, CLAIM_TYPES, ClaimType, GENERIC_RELATION, LINK_RELATIONS, LinkRelation, POLARITIES, Polarity } from '../model';
import { relationNamed } from './bratImport';
import { addNote, addTag, DraftRef, ImportDraft, ImportIssue } from './draft';
import { decodeForeign } from './foreignFile';
import { fieldOfVariable, metadataFrom } from './importedMetadata';
import { openQdpx, parseQde } from './qdpxArchive';
import { matchSource, QdpxImportContext, QdpxParsed } from './qdpxSources';
import { readOwnDescription } from './qdpxDescription';

// REFI-QDA import (.qdpx, or a bare .qde with its texts inline): text sources matched to workspace
// documents (qdpxSources.ts), each PlainTextSelection a draft at its code point positions. Codes this tool
// exported (Claim/Stance/Note/Link with their terms, Tags) make kinds, claim types, polarities, relations
// and tags again, and the selection's description written by our export gives back labels, speakers,
// holders, targets and link ends; other codes become tags named by their path in the code tree. A coding's
// or selection's creating user becomes the author; notes referenced by a selection become its note; links
// between selections become links. Other source types are listed as not imported, with why.

export type { QdpxImportContext, QdpxParsed } from './qdpxSources';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : isObj(v) ? [v] : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : isObj(v) && typeof v['#text'] === 'string' ? v['#text'] : undefined);
const OTHER_SOURCES: Record<string, string> = { PDFSource: 'PDF', PictureSource: 'picture', AudioSource: 'audio', VideoSource: 'video' };

interface CodeInfo {
  kind?: AnnotationKind;
  term?: string;
  tag?: string;
}

/** Our kinds and their terms, by the names the export gives the codes. */
const KIND_TERMS: Record<AnnotationKind, readonly string[]> = { claim: CLAIM_TYPES, stance: POLARITIES, note: [], link: LINK_RELATIONS };

function readCodes(codes: Obj[], path: string[], out: Map<string, CodeInfo>): void {
  for (const c of codes) {
    const name = str(c.name) ?? '';
    const guid = str(c.guid);
    const here = [...path, name];
    const kind = ANNOTATION_KINDS.find((k) => k.charAt(0).toUpperCase() + k.slice(1) === (path[0] ?? name));
    let info: CodeInfo;
    if (kind && path.length === 0) info = { kind };
    else if (kind && path.length === 1 && KIND_TERMS[kind].includes(name)) info = { kind, term: name };
    else if (path.length === 1 && path[0] === 'Tags') info = { tag: name };
    else info = { tag: here.join('/') };
    if (guid) out.set(guid, info);
    readCodes(arr(c.Code), here, out);
  }
}

export function parseQdpx(bytes: Uint8Array, file: string, ctx: QdpxImportContext): QdpxParsed {
  const result: QdpxParsed = { drafts: [], failures: [], warnings: [], newDocuments: [] };
  const fail = (origin: string, reason: string) => (result.failures.push({ origin, reason }), result);
  let files = new Map<string, Uint8Array>();
  let qdeBytes: Uint8Array | undefined = bytes;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const archive = openQdpx(bytes);
    if ('error' in archive) return fail(file, archive.error);
    files = archive.files;
    qdeBytes = files.get('project.qde') ?? [...files].find(([name]) => name.toLowerCase().endsWith('.qde'))?.[1];
    if (!qdeBytes) return fail(file, 'the project has no project.qde');
  }
  const decoded = decodeForeign(qdeBytes);
  if ('error' in decoded) return fail(`${file} (project.qde)`, decoded.error);
  const xml = parseQde(decoded.text);
  if ('error' in xml) return fail(xml.at ? `${file}:${xml.at}` : file, xml.error);
  const project = xml.root.Project;
  if (!isObj(project)) return fail(file, 'not a REFI-QDA project (no <Project> element)');

  const users = new Map(arr(isObj(project.Users) ? project.Users.User : undefined).map((u) => [str(u.guid) ?? '', str(u.name) ?? '']));
  const codes = new Map<string, CodeInfo>();
  readCodes(arr(isObj(project.CodeBook) && isObj(project.CodeBook.Codes) ? project.CodeBook.Codes.Code : undefined), [], codes);
  const noteElements = new Map(arr(isObj(project.Notes) ? project.Notes.Note : undefined).map((n) => [str(n.guid) ?? '', n]));
  const notes = new Map([...noteElements].map(([guid, n]) => [guid, textOf(n.PlainTextContent) ?? str(n.name) ?? '']));
  const variables = new Map(arr(isObj(project.Variables) ? project.Variables.Variable : undefined).map((v) => [str(v.guid) ?? '', fieldOfVariable(str(v.name) ?? '')]));
  const sources = isObj(project.Sources) ? project.Sources : {};
  for (const [element, what] of Object.entries(OTHER_SOURCES)) {
    for (const s of arr(sources[element])) result.failures.push({ origin: `${file} (${element} '${str(s.name) ?? str(s.guid)}')`, reason: `a ${what} source: only text sources can be annotated here` });
  }

  // Selections by guid, and our own `path#id` names for them, so descriptions' references resolve.
  const byName = new Map<string, string>();
  const drafts: ImportDraft[] = [];
  for (const source of arr(sources.TextSource)) {
    const name = str(source.name) ?? str(source.guid) ?? '?';
    const origin = `${file} (source '${name}')`;
    const match = matchSource(source, name, files, ctx, result);
    if ('error' in match) {
      result.failures.push({ origin, reason: match.error });
      continue;
    }
    const metadata = sourceMetadata(source, variables, origin, result.warnings);
    if (metadata) (result.metadata ??= []).push({ document: match.path, origin, metadata });
    const index = new CodePointIndex(match.text);
    for (const sel of arr(source.PlainTextSelection)) {
      const draft = selectionDraft(sel, match.path, match.text, index, `${file} (selection '${str(sel.name) ?? str(sel.guid)}' in '${name}')`, codes, users, notes, result.failures);
      if (!draft) continue;
      const own = /^(claim|stance|note|link) (\S+)$/.exec(str(sel.name) ?? '');
      if (own) byName.set(`${name}#${own[2]}`, draft.key!);
      drafts.push(draft);
    }
  }
  const refFor = (ref: string): DraftRef => (byName.has(ref) ? { key: byName.get(ref)! } : { ref });
  for (const d of drafts) {
    const own = (d as ImportDraft & { own?: ReturnType<typeof readOwnDescription> }).own;
    delete (d as { own?: unknown }).own;
    if (own?.target !== undefined) d.target = refFor(own.target);
    if (own?.from !== undefined) d.from = refFor(own.from);
    if (own?.to !== undefined) d.to = refFor(own.to);
    if (d.kind === 'link' && (!d.from || !d.to)) {
      result.failures.push({ origin: d.origin, reason: 'a selection coded as a link has no description naming its two ends' });
      continue;
    }
    if (d.kind === 'stance' && !d.target) {
      result.failures.push({ origin: d.origin, reason: 'a selection coded as a stance has no description naming what it is about' });
      continue;
    }
    result.drafts.push(d);
  }
  // Links between selections (those our export wrote for link annotations are already there).
  const keys = new Set(result.drafts.map((d) => d.key));
  const have = new Set(result.drafts.filter((d) => d.kind === 'link').map((d) => `${JSON.stringify(d.from)} ${JSON.stringify(d.to)} ${d.relation}`));
  for (const l of arr(isObj(project.Links) ? project.Links.Link : undefined)) {
    const from = str(l.originGUID);
    const to = str(l.targetGUID);
    const name = str(l.name) ?? '';
    const origin = `${file} (link '${name || str(l.guid)}')`;
    if (!from || !to || !keys.has(from) || !keys.has(to)) {
      result.failures.push({ origin, reason: 'it does not join two imported text selections' });
      continue;
    }
    const relation = relationNamed(name) ?? GENERIC_RELATION;
    if (have.has(`${JSON.stringify({ key: from })} ${JSON.stringify({ key: to })} ${relation}`)) continue;
    // A link between two selections has no span of its own: a link with no words of its own, in the origin's document.
    const draft: ImportDraft = { origin, key: str(l.guid), kind: 'link', anchorless: true, document: result.drafts.find((d) => d.key === from)!.document, relation, from: { key: from }, to: { key: to } };
    if (relation === GENERIC_RELATION && name && name !== GENERIC_RELATION) addTag(draft, `relation:${name}`);
    for (const ref of arr(l.NoteRef)) linkNote(draft, noteElements.get(str(ref.targetGUID) ?? ''), users);
    result.drafts.push(draft);
  }
  return result;
}

/** A note a link refers to: its text, and (as our export writes it) the link's author, dates and tags. */
function linkNote(draft: ImportDraft, note: Obj | undefined, users: Map<string, string>): void {
  if (!note) return;
  const text = textOf(note.PlainTextContent);
  if (text) addNote(draft, text);
  const author = users.get(str(note.creatingUser) ?? '');
  if (author && !draft.author) draft.author = author;
  if (str(note.creationDateTime) && !draft.created) draft.created = str(note.creationDateTime);
  if (str(note.modifiedDateTime) && !draft.modified) draft.modified = str(note.modifiedDateTime);
  const tags = /^Tags: (.+)$/.exec(textOf(note.Description) ?? '');
  for (const tag of tags?.[1].split(', ') ?? []) addTag(draft, tag);
}

/** Document metadata from a source's values of the variables our export writes (authors joined by '; '). */
function sourceMetadata(source: Obj, variables: Map<string, ReturnType<typeof fieldOfVariable>>, origin: string, warnings: ImportIssue[]) {
  const values: Parameters<typeof metadataFrom>[0] = {};
  for (const v of arr(source.VariableValue)) {
    const field = variables.get(str(isObj(v.VariableRef) ? v.VariableRef.targetGUID : undefined) ?? '');
    const text = textOf(v.TextValue)?.trim();
    if (!field || !text || values[field]) continue;
    values[field] = field === 'authors' ? text.split(/\s*;\s*/).filter(Boolean) : [text];
  }
  return metadataFrom(values, origin, warnings);
}

function selectionDraft(sel: Obj, document: string, text: string, index: CodePointIndex, origin: string, codes: Map<string, CodeInfo>, users: Map<string, string>, notes: Map<string, string>, failures: ImportIssue[]): ImportDraft | undefined {
  const start = Number(sel.startPosition);
  const end = Number(sel.endPosition);
  const length = index.toCodePoint(text.length);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > length) {
    failures.push({ origin, reason: `positions ${String(sel.startPosition)}-${String(sel.endPosition)} are not a span of the text (${length} characters)` });
    return undefined;
  }
  const draft: ImportDraft = { origin, key: str(sel.guid), document, kind: 'note', position: { start, end }, quote: { exact: text.slice(index.toUtf16(start), index.toUtf16(end)) } };
  const codings = arr(sel.Coding);
  const author = users.get(str(sel.creatingUser) ?? '') || users.get(str(codings[0]?.creatingUser) ?? '');
  if (author) draft.author = author;
  const created = str(sel.creationDateTime) ?? str(codings[0]?.creationDateTime);
  if (created) draft.created = created;
  if (str(sel.modifiedDateTime)) draft.modified = str(sel.modifiedDateTime);
  let term: string | undefined;
  let kindSet = false;
  for (const c of codings) {
    const info = codes.get(str(isObj(c.CodeRef) ? c.CodeRef.targetGUID : undefined) ?? '');
    if (info?.kind && !kindSet) {
      draft.kind = info.kind;
      term = info.term;
      kindSet = true;
    } else if (info?.tag) addTag(draft, info.tag);
  }
  if (draft.kind === 'claim') draft.claimType = (term as ClaimType) ?? 'factual';
  if (draft.kind === 'stance') draft.polarity = (term as Polarity) ?? 'neutral';
  if (draft.kind === 'link') draft.relation = (term as LinkRelation) ?? GENERIC_RELATION;
  const description = textOf(sel.Description);
  const own = description === undefined ? undefined : readOwnDescription(description, draft.kind, draft.tags);
  if (own) {
    Object.assign(draft, { label: own.label, speaker: own.speaker, holder: own.holder });
    if (own.note !== undefined) draft.note = own.note;
    (draft as ImportDraft & { own?: typeof own }).own = own;
  } else if (description) addNote(draft, description);
  if (draft.kind === 'claim' && !draft.speaker) draft.speaker = 'author';
  if (draft.kind === 'stance' && !draft.holder) draft.holder = 'author';
  for (const ref of arr(sel.NoteRef)) {
    const note = notes.get(str(ref.targetGUID) ?? '');
    if (note) addNote(draft, note);
  }
  return draft;
}
