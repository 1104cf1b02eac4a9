import { AUTHOR, CLAIM_TYPES, ClaimType, LINK_RELATIONS, LinkRelation, parseAnnotationRef, POLARITIES, Polarity, TOPIC_PREFIX } from '../model';
import { AUTHOR_IRI, termIri } from '../export/iris';
import { addNote, addTag, DraftRef, ImportDraft, lineOf, ParsedImport } from './draft';
import { parseJson } from './foreignFile';
import { metadataFromW3cSource } from './importedMetadata';
import { matchDocument } from './matchDocument';
import { annotationMustProblems, namesAnnoContext } from './w3cMusts';

// Reads W3C Web Annotation JSON: one annotation, a list, an AnnotationPage or an AnnotationCollection
// with embedded pages. The span comes from TextQuoteSelector / TextPositionSelector (code points); the
// document from target.source. Bodies in our own export's shapes (see export/w3cExport.ts) come back as
// claims, stances and links; anything else becomes a note carrying the body text and tags.

export interface W3cImportContext {
  documentPaths: readonly string[];
  /** Every annotation goes to this document, whatever its source says. */
  document?: string;
  baseIri?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const typesOf = (v: Obj): string[] => list(v.type).map((t) => String(t).replace(/^(oa|as):/, ''));
const hasType = (v: Obj, t: string) => typesOf(v).includes(t);
const iriOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : isObj(v) && typeof v.id === 'string' ? v.id : isObj(v) && typeof v['@id'] === 'string' ? (v['@id'] as string) : undefined);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseW3c(text: string, file: string, ctx: W3cImportContext): ParsedImport {
  const result: ParsedImport = { drafts: [], failures: [], warnings: [] };
  const parsed = parseJson(text.replace(/^\ufeff/, ''));
  if ('error' in parsed) {
    result.failures.push({ origin: parsed.at ? `${file}:${parsed.at}` : file, reason: parsed.error });
    return result;
  }
  const json = parsed.json;
  const annotations = collect(json, file, result);
  const keys = new Set(annotations.map(({ a }) => iriOf(a)).filter((k): k is string => !!k));
  annotations.forEach(({ a, inherited }, i) => {
    const id = iriOf(a);
    const at = typeof id === 'string' ? text.indexOf(JSON.stringify(id)) : -1;
    const origin = at >= 0 ? `${file}:${lineOf(text, at)}` : `${file} (annotation ${i + 1})`;
    const problems = annotationMustProblems(a, inherited);
    if (problems.length) {
      result.failures.push({ origin, reason: `not a valid Web Annotation: ${problems.join('; ')}` });
      return;
    }
    const draft = readAnnotation(a, origin, ctx, keys, result);
    if (draft) result.drafts.push(draft);
  });
  return result;
}

/** The annotations in the document, each with whether a container above it names the anno context. */
function collect(json: unknown, file: string, result: ParsedImport): Array<{ a: Obj; inherited: boolean }> {
  const out: Array<{ a: Obj; inherited: boolean }> = [];
  const visit = (v: unknown, inherited: boolean): void => {
    if (Array.isArray(v)) return v.forEach((x) => visit(x, inherited));
    if (!isObj(v)) return;
    const context = inherited || (v['@context'] !== undefined && namesAnnoContext(v['@context']));
    if (hasType(v, 'AnnotationCollection')) {
      if (Array.isArray(v.items)) v.items.forEach((x) => visit(x, context));
      if (v.first !== undefined && !isObj(v.first)) result.failures.push({ origin: file, reason: `the collection's pages are not embedded (first: ${String(v.first)}); fetch them and import the pages` });
      else if (isObj(v.first)) visit(v.first, context);
    } else if (hasType(v, 'AnnotationPage')) {
      list(v.items).forEach((x) => visit(x, context));
      if (isObj(v.next)) visit(v.next, context);
    } else if (hasType(v, 'Annotation') || v.target !== undefined || v.body !== undefined) out.push({ a: v, inherited });
  };
  visit(json, false);
  if (!out.length && !result.failures.length) result.failures.push({ origin: file, reason: 'no annotations found (expected an Annotation, a list, an AnnotationPage or an AnnotationCollection)' });
  return out;
}

interface Body {
  purposes: string[];
  value?: string;
  source?: string;
}

function bodiesOf(a: Obj): Body[] {
  const bodies: Body[] = list(a.body).map((b) => {
    if (typeof b === 'string') return { purposes: [], source: b };
    if (!isObj(b)) return { purposes: [] };
    const purposes = list(b.purpose).map(String);
    if (hasType(b, 'TextualBody') || typeof b.value === 'string') return { purposes, value: String(b.value ?? '') };
    return { purposes, source: iriOf(b.source) ?? iriOf(b) };
  });
  if (typeof a.bodyValue === 'string') bodies.push({ purposes: [], value: a.bodyValue });
  return bodies;
}

function termOf<T extends string>(bodies: Body[], group: 'claim-type' | 'polarity' | 'relation', terms: readonly T[]): T | undefined {
  for (const b of bodies) for (const t of terms) if (b.source === termIri(group, t)) return t;
  return undefined;
}

function readAnnotation(a: Obj, origin: string, ctx: W3cImportContext, keys: Set<string>, result: ParsedImport): ImportDraft | undefined {
  const fail = (reason: string) => (result.failures.push({ origin, reason }), undefined);
  const targets = list(a.target);
  const span = targets.find((t): t is Obj => isObj(t) && (t.selector !== undefined || t.source !== undefined));
  if (!span) return readAnchorless(a, targets, origin, ctx, keys) ?? fail('no target with a source and selectors');
  const source = iriOf(span.source) ?? '';
  let document = ctx.document;
  if (!document) {
    const match = matchDocument(source, ctx.documentPaths, ctx.baseIri);
    if ('error' in match) return fail(match.error);
    document = match.path;
  }
  const draft: ImportDraft = { origin, kind: 'note', document };
  // Every annotation of a document repeats its metadata: read once per document.
  if (!result.metadata?.some((m) => m.document === document)) {
    const metadata = metadataFromW3cSource(span.source, origin, result.warnings);
    if (metadata) (result.metadata ??= []).push({ document, origin, metadata });
  }
  const id = iriOf(a);
  if (id) draft.key = id;
  // Text selectors may refine another selector (a FragmentSelector naming a paragraph or an XPointer),
  // which plain text cannot resolve: a quote is still searched for; a position is then counted from the
  // start of the document, and the import says so.
  const selectors: Array<{ s: Obj; refined?: string }> = [];
  const walk = (s: unknown, refined?: string): void => {
    if (!isObj(s)) return;
    selectors.push({ s, refined });
    list(s.refinedBy).forEach((r) => walk(r, refined ?? typesOf(s)[0] ?? 'selector'));
  };
  list(span.selector).forEach((s) => walk(s));
  for (const { s, refined } of selectors) {
    if (hasType(s, 'TextQuoteSelector') && typeof s.exact === 'string') {
      draft.quote = { exact: s.exact, prefix: typeof s.prefix === 'string' ? s.prefix : undefined, suffix: typeof s.suffix === 'string' ? s.suffix : undefined };
    } else if (hasType(s, 'TextPositionSelector') && Number.isInteger(s.start) && Number.isInteger(s.end)) {
      draft.position = { start: s.start as number, end: s.end as number };
      if (refined) result.warnings.push({ origin, reason: `its TextPositionSelector refines a ${refined}, which plain text cannot resolve: positions counted from the start of ${document}` });
    }
  }
  if (!draft.quote && !draft.position) return fail('its target has neither a TextQuoteSelector nor a TextPositionSelector');

  creatorAndDates(a, draft);

  const bodies = bodiesOf(a);
  const refFor = (iri: string): DraftRef | string => resolveIri(iri, ctx, keys);
  const claimType = termOf<ClaimType>(bodies, 'claim-type', CLAIM_TYPES);
  const polarity = termOf<Polarity>(bodies, 'polarity', POLARITIES);
  const relation = termOf<LinkRelation>(bodies, 'relation', LINK_RELATIONS);
  const used = new Set<Body>(bodies.filter((b) => b.source?.startsWith(termIri('claim-type', '')) || b.source?.startsWith(termIri('polarity', '')) || b.source?.startsWith(termIri('relation', ''))));
  const take = (purpose: string) => {
    const body = bodies.find((b) => !used.has(b) && b.purposes.includes(purpose));
    if (body) used.add(body);
    return body;
  };
  /** A speaker or holder: the author or an entity (absent: the author). */
  const party = (role: string): { ref: string } | { error: string } => {
    const body = take('identifying');
    if (!body?.source) return { ref: AUTHOR };
    const ref = refFor(body.source);
    if (typeof ref !== 'string' && 'ref' in ref && !parseAnnotationRef(ref.ref)) return ref;
    return { error: `its ${role} '${body.source}' is not the author or an entity` };
  };

  if (claimType) {
    draft.kind = 'claim';
    draft.claimType = claimType;
    const speaker = party('speaker');
    if ('error' in speaker) return fail(speaker.error);
    draft.speaker = speaker.ref;
    draft.label = take('describing')?.value ?? draft.quote?.exact;
  } else if (polarity) {
    draft.kind = 'stance';
    draft.polarity = polarity;
    const holder = party('holder');
    if ('error' in holder) return fail(holder.error);
    draft.holder = holder.ref;
    const linked = take('linking');
    const topic = take('describing');
    if (linked?.source) {
      const ref = refFor(linked.source);
      if (typeof ref === 'string') return fail(ref);
      draft.target = ref;
    } else if (topic?.value) draft.target = { ref: TOPIC_PREFIX + topic.value };
    else return fail('a stance needs what it is about: a linking body (claim or entity) or a describing body (topic)');
  } else if (relation) {
    draft.kind = 'link';
    draft.relation = relation;
    const fromIri = targets.map(iriOf).find((t, i) => t && targets[i] !== span);
    const toIri = take('linking')?.source;
    if (!fromIri || !toIri) return fail('a link needs its from end as a target IRI and its to end as a linking body');
    const from = refFor(fromIri);
    const to = refFor(toIri);
    if (typeof from === 'string') return fail(from);
    if (typeof to === 'string') return fail(to);
    draft.from = from;
    draft.to = to;
  }
  tagsAndNotes(bodies, used, draft);
  return draft;
}

function tagsAndNotes(bodies: Body[], used: Set<Body>, draft: ImportDraft): void {
  for (const b of bodies) {
    if (used.has(b)) continue;
    if (b.purposes.includes('tagging') && b.value !== undefined) addTag(draft, b.value);
    else if (b.value !== undefined) addNote(draft, b.value);
    else if (b.source) addNote(draft, b.source);
  }
}

/** creator: an IRI (acct:alice@example.org), an agent object, or a list of them (joined); created and modified. */
function creatorAndDates(a: Obj, draft: ImportDraft): void {
  const names = list(a.creator)
    .map((c) => (typeof c === 'string' ? c : isObj(c) ? [c.name, c.nickname, c.id].find((x): x is string => typeof x === 'string') : undefined))
    .filter((n): n is string => !!n);
  if (names.length) draft.author = names.join(', ');
  if (typeof a.created === 'string' && DATE_TIME.test(a.created)) draft.created = a.created;
  if (typeof a.modified === 'string' && DATE_TIME.test(a.modified)) draft.modified = a.modified;
}

/**
 * A link whose targets are two annotations' IRIs and no text (our export's anchorless link): from is the
 * target that is not the linking body's source. It goes into the sidecar of the document its own IRI names
 * (else --document, else the from end's document). Undefined when the annotation is not that shape.
 */
function readAnchorless(a: Obj, targets: unknown[], origin: string, ctx: W3cImportContext, keys: Set<string>): ImportDraft | undefined {
  const iris = targets.map(iriOf);
  const bodies = bodiesOf(a);
  const relation = termOf<LinkRelation>(bodies, 'relation', LINK_RELATIONS);
  const linking = bodies.find((b) => b.purposes.includes('linking') && b.source);
  if (!relation || !linking || iris.length !== 2 || iris.some((t) => !t) || !targets.every((t) => typeof t === 'string' || !isObj(t) || t.selector === undefined)) return undefined;
  const toIri = linking.source!;
  const fromIri = iris.find((t) => t !== toIri) ?? iris[0]!;
  const [from, to] = [resolveIri(fromIri, ctx, keys), resolveIri(toIri, ctx, keys)];
  if (typeof from === 'string' || typeof to === 'string') return undefined;
  const documentOf = (iri: string | undefined) => {
    const hash = iri?.lastIndexOf('#') ?? -1;
    const match = hash > 0 ? matchDocument(iri!.slice(0, hash), ctx.documentPaths, ctx.baseIri) : undefined;
    return match && 'path' in match ? match.path : undefined;
  };
  const document = ctx.document ?? documentOf(iriOf(a)) ?? documentOf(fromIri);
  if (!document) return undefined;
  const draft: ImportDraft = { origin, kind: 'link', anchorless: true, document, relation, from, to };
  const id = iriOf(a);
  if (id) draft.key = id;
  creatorAndDates(a, draft);
  const used = new Set<Body>([linking, ...bodies.filter((b) => b.source?.startsWith(termIri('relation', '')))]);
  tagsAndNotes(bodies, used, draft);
  return draft;
}

/** A reference for an IRI: another annotation of this import, one in the workspace, or an entity; a string is why not. */
function resolveIri(iri: string, ctx: W3cImportContext, keys: Set<string>): DraftRef | string {
  if (keys.has(iri)) return { key: iri };
  if (iri === AUTHOR_IRI) return { ref: AUTHOR };
  const entity = /entities#([^#/]+)$/.exec(iri);
  if (entity) return { ref: decodeURIComponent(entity[1]) };
  const hash = iri.lastIndexOf('#');
  if (hash > 0) {
    const match = matchDocument(iri.slice(0, hash), ctx.documentPaths, ctx.baseIri);
    if ('path' in match) return { ref: `${match.path}#${decodeURIComponent(iri.slice(hash + 1))}` };
  }
  return `'${iri}' is neither an annotation of this import or of the workspace, nor an entity`;
}
