import { CLAIM_TYPES, ClaimType, GENERIC_RELATION, LINK_RELATIONS, LinkRelation, POLARITIES, Polarity } from '../model';
import { BratLine, readBratLine } from './bratLines';
import { addNote, addTag, ImportDraft, ParsedImport } from './draft';

// Reads brat standoff (.ann), every construct brat writes:
// - T (text-bound): a claim when its type names a claim or a claim type (Claim, Causal, causal_claim…), a
//   stance when it is Stance, otherwise a note with the type kept as a tag (Note: no tag). A discontinuous
//   span is imported as its whole extent, with a warning.
// - R (relation of any type): a link from the first to the second argument, with no words of its own (a
//   relation has no span in brat either, so the first argument's words keep one hover card). Its
//   relation comes from the relation map, else the type when it names one of ours (Supports, same_as…),
//   else `relates-to` with the type kept as a `relation:<type>` tag.
// - E (event): an annotation on its trigger (the trigger's own, for the first event on it), tagged with the
//   event type; each argument an anchorless `relates-to` link from the event to the argument, its role kept as `role:<role>`.
// - * (equivalence): anchorless same-as links from the first member to each other one (another type kept as a tag).
// - A / M (attribute, on any item): claimType sets a claim's type, polarity a stance's, Tag adds its value
//   as a tag; any other becomes the tag `name:value` (or `name` when binary).
// - N (normalisation): an entity of the catalogue (or a db named entity, policy-annotator…) becomes a
//   claim's speaker or a stance's holder, else an `entity:<id>` tag; the db `policy-annotator-target`
//   sets a stance's target; any other is note text. # (AnnotatorNotes): note text.
// Attributes, notes and arguments may point at items later in the file: they are applied once all are read.

export interface BratImportContext {
  /** Workspace-relative path of the document the .ann annotates. */
  document: string;
  /** Entity ids of the catalogue, to recognise N lines that refer to them. */
  entityIds?: ReadonlySet<string>;
  /** brat relation or equivalence types mapped to this tool's relations (`--relation-map`), e.g. Origin → elaborates. */
  relationMap?: ReadonlyMap<string, LinkRelation>;
}

const ENTITY_DATABASES = new Set(['entity', 'entities', 'catalogue', 'catalog', 'policy-annotator']);
export const TARGET_DATABASE = 'policy-annotator-target';
const CLAIM_TYPE_KEYS = new Set(['claimtype', 'claim-type', 'claim_type']);

const normalise = (name: string) => name.trim().toLowerCase().replace(/[\s_]+/g, '-');

/** The claim type a brat entity type names, `null` for a plain Claim, undefined when it is no claim. */
function claimTypeOf(type: string): ClaimType | null | undefined {
  const t = normalise(type);
  if (t === 'claim') return null;
  for (const c of CLAIM_TYPES) if (t === c || t === `${c}-claim` || t === `claim-${c}`) return c;
  return undefined;
}

export function relationNamed(type: string): LinkRelation | undefined {
  const t = normalise(type).replace(/-/g, '');
  return LINK_RELATIONS.find((r) => r.replace(/-/g, '') === t);
}

export function parseBrat(text: string, file: string, ctx: BratImportContext): ParsedImport {
  const result: ParsedImport = { drafts: [], failures: [], warnings: [] };
  const byKey = new Map<string, ImportDraft>();
  const lines: Array<{ origin: string; rec: BratLine }> = [];
  text
    .replace(/^\ufeff/, '')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.replace(/\r$/, '');
      if (!line.trim()) return;
      const origin = `${file}:${i + 1}`;
      const rec = readBratLine(line);
      if (typeof rec === 'string') result.failures.push({ origin, reason: rec });
      else lines.push({ origin, rec });
    });
  const add = (draft: ImportDraft) => {
    result.drafts.push(draft);
    if (draft.key) byKey.set(draft.key, draft);
  };
  const doc = ctx.document;

  // Text-bound annotations first: everything else points at them.
  const triggers = new Map<string, number>();
  for (const { origin, rec } of lines) {
    if (rec.kind !== 'T') continue;
    const start = rec.spans[0][0];
    const end = Math.max(...rec.spans.map((s) => s[1]));
    const draft: ImportDraft = { origin, key: rec.id, document: doc, kind: 'note', position: { start, end } };
    if (rec.spans.length === 1 && rec.text) draft.quote = { exact: rec.text };
    else if (rec.spans.length > 1) result.warnings.push({ origin, reason: `'${rec.id}' has a discontinuous span (${rec.spans.map((s) => s.join(' ')).join(';')}): imported as its whole extent ${start}-${end}` });
    const claimType = claimTypeOf(rec.type);
    if (claimType !== undefined) {
      draft.kind = 'claim';
      draft.speaker = 'author';
      draft.label = rec.spans.length === 1 ? rec.text || undefined : undefined;
      if (claimType) draft.claimType = claimType;
    } else if (normalise(rec.type) === 'stance') {
      draft.kind = 'stance';
      draft.holder = 'author';
    } else if (normalise(rec.type) !== 'note') addTag(draft, rec.type);
    add(draft);
  }
  // Events: the annotation on their trigger, so arguments (which may be events) can point at them.
  for (const { origin, rec } of lines) {
    if (rec.kind !== 'E') continue;
    const trigger = byKey.get(rec.trigger);
    if (!trigger || trigger.spanOf || !trigger.position) {
      result.failures.push({ origin, reason: `event '${rec.id}': its trigger '${rec.trigger}' is not a text-bound annotation of this file` });
      continue;
    }
    const uses = (triggers.get(rec.trigger) ?? 0) + 1;
    triggers.set(rec.trigger, uses);
    if (uses === 1) {
      byKey.set(rec.id, trigger);
      addTag(trigger, rec.type);
    } else add({ origin, key: rec.id, document: doc, kind: 'note', spanOf: rec.trigger, tags: [rec.type] });
  }
  // An event on its trigger's own annotation is known by the trigger's key.
  const keyOf = (id: string) => byKey.get(id)?.key ?? id;
  const link = (origin: string, from: string, to: string, relation: LinkRelation, tags: string[], key?: string) =>
    add({ origin, key, document: doc, kind: 'link', anchorless: true, relation, from: { key: keyOf(from) }, to: { key: keyOf(to) }, tags: tags.length ? tags : undefined });
  const relationFor = (type: string, fallback?: LinkRelation): { relation: LinkRelation; tags: string[] } => {
    const relation = ctx.relationMap?.get(type) ?? relationNamed(type) ?? fallback;
    return relation ? { relation, tags: [] } : { relation: GENERIC_RELATION, tags: [`relation:${type}`] };
  };
  const missing = (ids: string[]) => ids.find((id) => !byKey.has(id));

  for (const { origin, rec } of lines) {
    const fail = (reason: string) => result.failures.push({ origin, reason });
    if (rec.kind === 'E') {
      if (!byKey.has(rec.id)) continue;
      for (const [role, arg] of rec.args) {
        if (!byKey.has(arg)) fail(`event '${rec.id}': its ${role} argument '${arg}' is not an annotation of this file`);
        else link(origin, rec.id, arg, GENERIC_RELATION, [`role:${role.replace(/\d+$/, '')}`]);
      }
    } else if (rec.kind === 'R') {
      const absent = missing(rec.args.map((a) => a[1]));
      if (rec.args.length !== 2) fail(`relation '${rec.id}' has ${rec.args.length} arguments; a link has two`);
      else if (absent) fail(`relation '${rec.id}': '${absent}' is not an annotation of this file`);
      else {
        const { relation, tags } = relationFor(rec.type);
        link(origin, rec.args[0][1], rec.args[1][1], relation, tags, rec.id);
      }
    } else if (rec.kind === '*') {
      const absent = missing(rec.ids);
      if (absent) fail(`equivalence: '${absent}' is not an annotation of this file`);
      else {
        const { relation, tags } = relationFor(rec.type === 'Equiv' ? 'same-as' : rec.type, 'same-as');
        for (const other of rec.ids.slice(1)) link(origin, rec.ids[0], other, relation, rec.type === 'Equiv' || relation !== 'same-as' ? tags : [`relation:${rec.type}`]);
      }
    }
  }

  for (const { origin, rec } of lines) {
    if (rec.kind !== 'A' && rec.kind !== 'N' && rec.kind !== '#') continue;
    const target = byKey.get(rec.target);
    if (!target) {
      const what = rec.kind === 'A' ? 'attribute' : rec.kind === 'N' ? 'normalisation' : 'note';
      result.failures.push({ origin, reason: `${what} '${rec.id}' is about '${rec.target}', which is not an annotation of this file` });
      continue;
    }
    if (rec.kind === '#') addNote(target, unescapeNote(rec.text));
    else if (rec.kind === 'A') applyAttribute(target, rec.name, rec.value);
    else applyNormalisation(target, rec.db, rec.dbId, rec.text, ctx, (id) => (byKey.has(id) ? keyOf(id) : undefined));
  }

  for (const d of result.drafts) {
    if (d.kind === 'claim' && !d.claimType) {
      d.claimType = 'factual';
      result.warnings.push({ origin: d.origin, reason: `claim '${d.key}' has no claim type (no claimType attribute, type not e.g. Causal): imported as factual` });
    }
  }
  for (const d of [...result.drafts]) {
    if (d.kind === 'stance' && (!d.polarity || !d.target)) {
      result.failures.push({ origin: d.origin, reason: `stance '${d.key}' needs a polarity attribute and a ${TARGET_DATABASE} normalisation naming its target` });
      result.drafts.splice(result.drafts.indexOf(d), 1);
    }
  }
  return result;
}

/** Undoes the brat export's escapes (\\n, \\t, \\\\) in AnnotatorNotes, so a note with line breaks comes back whole. */
function unescapeNote(text: string): string {
  return text.replace(/\\([nt\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}

function applyAttribute(target: ImportDraft, name: string, value: string | undefined): void {
  const lower = value?.toLowerCase();
  if (CLAIM_TYPE_KEYS.has(name.toLowerCase()) && target.kind === 'claim' && (CLAIM_TYPES as readonly string[]).includes(lower ?? '')) target.claimType = lower as ClaimType;
  else if (name.toLowerCase() === 'polarity' && target.kind === 'stance' && (POLARITIES as readonly string[]).includes(lower ?? '')) target.polarity = lower as Polarity;
  else if (name === 'Tag' && value) addTag(target, value);
  else addTag(target, value ? `${name}:${value}` : name);
}

/** A stance's target in an N line: the id of an item of the same file, or a reference as sidecars write it, percent-encoded. */
function applyNormalisation(target: ImportDraft, db: string, id: string, text: string, ctx: BratImportContext, keyIn: (id: string) => string | undefined): void {
  if (db === TARGET_DATABASE && target.kind === 'stance') {
    const key = keyIn(id);
    let ref = id;
    try {
      ref = decodeURIComponent(id);
    } catch {
      // kept as written
    }
    target.target = key ? { key } : { ref };
    return;
  }
  const isEntity = ENTITY_DATABASES.has(db.toLowerCase()) || (ctx.entityIds?.has(id) ?? false);
  if (isEntity && target.kind === 'claim' && target.speaker === 'author') target.speaker = id;
  else if (isEntity && target.kind === 'stance' && target.holder === 'author') target.holder = id;
  else if (isEntity) addTag(target, `entity:${id}`);
  else addNote(target, `${db}:${id}${text ? ` (${text})` : ''}`);
}
