import { CodePointIndex } from '../anchoring/offsets';
import { createAnchor } from '../anchoring/createAnchor';
import { reanchorAll } from '../anchoring/reanchor';
import { newAnnotationId } from '../ids';
import { Anchor, AnchorlessLink, Annotation, formatAnnotationRef, isAnchorless, parseAnnotationRef, SidecarEntry } from '../model';
import { clip } from '../text/clip';
import { DraftRef, ImportDraft, ImportIssue } from './draft';

// Places drafts in their documents with the same re-anchoring as everything else: the quote is looked
// for at its given position (converted from code points), then anywhere (reanchorAll). That search is
// made for re-anchoring, where a far-away copy needs strong context to be trusted; an imported quote
// often has no position at all, so what it does not place is then matched the way the W3C defines a
// TextQuoteSelector: the one place where exact, prefix and suffix all match. Anchored and moved quotes
// are imported; a fuzzy match is imported marked for review; ambiguous or missing quotes are not.
// Links are made once the annotations they connect have ids.

export interface PlaceContext {
  /** Normalised text of every document the drafts name. */
  texts: ReadonlyMap<string, string>;
  /** Ids already used in the workspace: new ids avoid them. */
  takenIds: Set<string>;
  /** Overrides the drafts' own authors when set. */
  author?: string;
  /** Author for drafts without one. */
  defaultAuthor: string;
  /** ISO time for drafts without created/modified. */
  now: string;
  /** Id generator (tests pass a deterministic one). */
  newId?: (taken: Set<string>) => string;
}

export interface ImportedItem {
  origin: string;
  /** Its id in the foreign file (W3C annotation id, brat T1/R1/E1, REFI-QDA selection or link guid), when it has one. */
  sourceId?: string;
  document: string;
  /** The id it was given in the sidecar. */
  id: string;
  kind: Annotation['kind'];
}

export interface PlaceResult {
  /** New annotations per document path, in draft order. */
  annotations: Map<string, Annotation[]>;
  /** New anchorless links per document path. */
  links: Map<string, AnchorlessLink[]>;
  /** Every imported item: where it came from (`file:line`), its id there, and the annotation it became. */
  items: ImportedItem[];
  failures: ImportIssue[];
  warnings: ImportIssue[];
}

interface Placed {
  draft: ImportDraft;
  /** None for an anchorless link. */
  anchor?: Anchor;
  id: string;
  fuzzyWas?: string;
}

export function placeDrafts(drafts: readonly ImportDraft[], ctx: PlaceContext): PlaceResult {
  const failures: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const placed = new Map<ImportDraft, Placed>();
  const byKey = new Map<string, ImportDraft>();
  for (const d of drafts) if (d.key) byKey.set(d.key, d);
  const fail = (d: ImportDraft, reason: string) => failures.push(d.key ? { origin: d.origin, sourceId: d.key, reason } : { origin: d.origin, reason });
  const newId = ctx.newId ?? ((taken: Set<string>) => newAnnotationId(taken));

  // Spans of their own, per document, in one reanchorAll batch each.
  const byDocument = new Map<string, Array<{ draft: ImportDraft; anchor: Anchor }>>();
  for (const d of drafts) {
    if (d.spanOf) continue;
    if (d.anchorless) {
      if (d.document === undefined) fail(d, 'no document');
      else placed.set(d, { draft: d, id: '' });
      continue;
    }
    const text = d.document === undefined ? undefined : ctx.texts.get(d.document);
    if (text === undefined) {
      fail(d, d.document ? `document '${d.document}' could not be read` : 'no document');
      continue;
    }
    const anchor = startingAnchor(d, text);
    if (typeof anchor === 'string') {
      fail(d, anchor);
      continue;
    }
    byDocument.set(d.document!, [...(byDocument.get(d.document!) ?? []), { draft: d, anchor }]);
  }
  for (const [document, items] of byDocument) {
    const text = ctx.texts.get(document)!;
    // Old text = new text: a quote found at its offsets is taken as it is; the others are searched for.
    const results = reanchorAll(
      items.map((i) => i.anchor),
      text,
      text,
    );
    items.forEach(({ draft, anchor }, k) => {
      const r = results[k];
      const where = `"${clip(anchor.exact, 50)}" in ${document}`;
      const selected = r.status === 'anchored' || r.status === 'moved' ? [] : selectorMatches(anchor, text);
      if (r.status === 'anchored' || r.status === 'moved') placed.set(draft, { draft, anchor: r.anchor, id: '' });
      else if (selected.length === 1) placed.set(draft, { draft, anchor: createAnchor(text, selected[0], selected[0] + anchor.exact.length), id: '' });
      else if (selected.length > 1) fail(draft, `${where} matches ${selected.length} places equally well: give its position or a prefix and suffix`);
      else if (r.status === 'fuzzy') {
        placed.set(draft, { draft, anchor: r.anchor, id: '', fuzzyWas: anchor.exact });
        warnings.push({ origin: draft.origin, reason: `${where} matched only approximately ("${clip(r.anchor.exact, 50)}"): imported, marked for review` });
      } else if (r.status === 'ambiguous') fail(draft, `${where} matches ${r.candidates?.length ?? 'several'} places equally well: give its position or a prefix and suffix`);
      else fail(draft, `${where} was not found`);
    });
  }

  // Relations and events take the span of another item, which may itself take one (an event's argument).
  let pending = drafts.filter((d) => d.spanOf);
  for (let progress = true; progress && pending.length; ) {
    const before = pending.length;
    pending = pending.filter((d) => {
      const at = placed.get(byKey.get(d.spanOf!)!);
      if (at?.anchor) placed.set(d, { draft: d, anchor: at.anchor, id: '' });
      return !at;
    });
    progress = pending.length < before;
  }
  for (const d of pending) fail(d, `'${d.spanOf}', whose span it takes, was not imported`);

  for (const p of placed.values()) {
    p.id = newId(ctx.takenIds);
    ctx.takenIds.add(p.id);
  }

  const annotations = new Map<string, Annotation[]>();
  const links = new Map<string, AnchorlessLink[]>();
  const items: PlaceResult['items'] = [];
  for (const d of drafts) {
    const p = placed.get(d);
    if (!p) continue;
    const refFor = (ref: DraftRef): string | { error: string } => {
      if ('ref' in ref) return ref.ref;
      const other = byKey.get(ref.key);
      const target = other && placed.get(other);
      if (!target) return { error: other ? `'${ref.key}' was not imported` : `'${ref.key}' is not an annotation of this file` };
      return target.draft.document === d.document ? formatAnnotationRef(undefined, target.id) : formatAnnotationRef(target.draft.document, target.id);
    };
    const annotation = build(d, p, refFor, ctx);
    if (typeof annotation === 'string') {
      fail(d, annotation);
      continue;
    }
    if (isAnchorless(annotation)) links.set(d.document!, [...(links.get(d.document!) ?? []), annotation]);
    else annotations.set(d.document!, [...(annotations.get(d.document!) ?? []), annotation]);
    items.push({ origin: d.origin, sourceId: d.key, document: d.document!, id: annotation.id, kind: annotation.kind });
  }
  return { annotations, links, items, failures, warnings };
}

/** Starts of the places where the quote occurs with its prefix before and its suffix after (W3C TextQuoteSelector). */
function selectorMatches(anchor: Anchor, text: string): number[] {
  const { exact, prefix, suffix } = anchor;
  const out: number[] = [];
  if (!exact) return out;
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
    if (text.startsWith(prefix, i - prefix.length) && i >= prefix.length && text.startsWith(suffix, i + exact.length)) out.push(i);
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

/** The anchor to search from, or why there is none. */
function startingAnchor(d: ImportDraft, text: string): Anchor | string {
  const index = new CodePointIndex(text);
  const length = index.toCodePoint(text.length);
  let start: number | undefined;
  let end: number | undefined;
  if (d.position) {
    const { start: s, end: e } = d.position;
    if (s < 0 || e < s || e > length) {
      if (!d.quote) return `position ${s}-${e} is outside the document (${length} characters)`;
    } else {
      start = index.toUtf16(s);
      end = index.toUtf16(e);
    }
  }
  if (d.quote) {
    if (!d.quote.exact) return 'its quote is empty';
    // brat writes a span's line breaks as spaces: the same words at the given position are that span.
    const there = start === undefined ? undefined : text.slice(start, end);
    if (there !== undefined && there !== d.quote.exact && squash(there) === squash(d.quote.exact) && !d.quote.prefix && !d.quote.suffix) return createAnchor(text, start!, end!);
    const s = start ?? 0;
    return { exact: d.quote.exact, prefix: d.quote.prefix ?? '', suffix: d.quote.suffix ?? '', start: s, end: s + d.quote.exact.length };
  }
  if (start === undefined || end === undefined || end === start) return 'its position selects no text';
  return createAnchor(text, start, end);
}

function build(d: ImportDraft, p: Placed, refFor: (ref: DraftRef) => string | { error: string }, ctx: PlaceContext): SidecarEntry | string {
  const base = {
    id: p.id,
    ...(p.anchor ? { anchor: p.anchor } : {}),
    author: ctx.author ?? d.author ?? ctx.defaultAuthor,
    created: d.created ?? ctx.now,
    modified: d.modified ?? d.created ?? ctx.now,
    ...(d.tags?.length ? { tags: d.tags } : {}),
    ...(d.note !== undefined ? { note: d.note } : {}),
    ...(p.fuzzyWas !== undefined ? { review: { status: 'fuzzy' as const, was: p.fuzzyWas } } : {}),
  };
  const end = (name: string, ref: DraftRef | undefined): string | { error: string } => (ref ? refFor(ref) : { error: `it has no ${name}` });
  if (!p.anchor && d.kind !== 'link') return 'only a link can go without words of its own';
  const anchor = p.anchor!;
  switch (d.kind) {
    case 'claim':
      return { ...base, anchor, kind: 'claim', label: d.label || anchor.exact, speaker: d.speaker ?? 'author', claimType: d.claimType ?? 'factual' };
    case 'stance': {
      const target = end('target', d.target);
      if (typeof target !== 'string') return `its target: ${target.error}`;
      if (!d.holder || !d.polarity) return 'a stance needs a holder and a polarity';
      return { ...base, anchor, kind: 'stance', holder: d.holder, target, polarity: d.polarity };
    }
    case 'note':
      return { ...base, anchor, kind: 'note' };
    case 'link': {
      const from = end('from end', d.from);
      const to = end('to end', d.to);
      if (typeof from !== 'string') return `its from end: ${from.error}`;
      if (typeof to !== 'string') return `its to end: ${to.error}`;
      if (!d.relation) return 'a link needs a relation';
      if (!p.anchor && (!parseAnnotationRef(from) || !parseAnnotationRef(to))) return `a link without words of its own joins two annotations; ${parseAnnotationRef(from) ? to : from} is not one`;
      return { ...base, kind: 'link', from, to, relation: d.relation };
    }
  }
}
