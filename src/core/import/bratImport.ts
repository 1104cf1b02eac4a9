import { CLAIM_TYPES, ClaimType, LINK_RELATIONS, LinkRelation } from '../model';
import { addNote, addTag, ImportDraft, ParsedImport } from './draft';

// Reads brat standoff (.ann). T lines (text-bound: type, offsets in code points, text) become claims
// when the type names a claim or a claim type (Claim, Causal, causal_claim…), notes otherwise (the type
// kept as a tag). R lines become links between imported annotations, made at the Arg1 span. A lines
// become tags (a claimType attribute sets a claim's type), N lines entity references (a claim's
// speaker, another kind's entity:<id> tag) or note text, # lines note text.

export interface BratImportContext {
  /** Workspace-relative path of the document the .ann annotates. */
  document: string;
  /** Entity ids of the catalogue, to recognise N lines that refer to them. */
  entityIds?: ReadonlySet<string>;
}

const ENTITY_DATABASES = new Set(['entity', 'entities', 'catalogue', 'catalog', 'policy-annotator']);
const CLAIM_TYPE_KEYS = new Set(['claimtype', 'claim-type', 'claim_type']);

const normalise = (name: string) => name.trim().toLowerCase().replace(/[\s_]+/g, '-');

/** The claim type a brat entity type names, `null` for a plain Claim, undefined when it is no claim. */
function claimTypeOf(type: string): ClaimType | null | undefined {
  const t = normalise(type);
  if (t === 'claim') return null;
  for (const c of CLAIM_TYPES) if (t === c || t === `${c}-claim` || t === `claim-${c}`) return c;
  return undefined;
}

function relationOf(type: string): LinkRelation | undefined {
  const t = normalise(type);
  return LINK_RELATIONS.find((r) => r === t || r.replace(/-/g, '') === t.replace(/-/g, ''));
}

export function parseBrat(text: string, file: string, ctx: BratImportContext): ParsedImport {
  const result: ParsedImport = { drafts: [], failures: [], warnings: [] };
  const byKey = new Map<string, ImportDraft>();
  const later: Array<{ line: string; origin: string }> = [];

  text.replace(/^\ufeff/, '').split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const origin = `${file}:${i + 1}`;
    if (!line.trim()) return;
    const fail = (reason: string) => result.failures.push({ origin, reason });
    const [key, body = '', rest] = splitTabs(line);
    switch (key[0]) {
      case 'T': {
        const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
        if (!m) return fail(`'${key}' is not a text-bound annotation 'T<n>\\t<type> <start> <end>\\t<text>'`);
        if (m[2].includes(';')) return fail(`'${key}' has a discontinuous span (${m[2]}): not supported, split it into one annotation per part`);
        const [start, end] = m[2].split(' ').map(Number);
        const draft: ImportDraft = { origin, key, document: ctx.document, kind: 'note', quote: { exact: rest ?? '' }, position: { start, end } };
        if (!rest) delete draft.quote;
        const claimType = claimTypeOf(m[1]);
        if (claimType !== undefined) {
          draft.kind = 'claim';
          draft.speaker = 'author';
          draft.label = rest || undefined;
          if (claimType) draft.claimType = claimType;
        } else addTag(draft, m[1]);
        byKey.set(key, draft);
        result.drafts.push(draft);
        return;
      }
      case 'R': {
        const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(body);
        if (!m) return fail(`'${key}' is not a relation 'R<n>\\t<type> Arg1:<id> Arg2:<id>'`);
        const relation = relationOf(m[1]);
        if (!relation) return fail(`relation type '${m[1]}' is not one of: ${LINK_RELATIONS.join(', ')}`);
        const draft: ImportDraft = { origin, key, document: ctx.document, kind: 'link', relation, from: { key: m[2] }, to: { key: m[3] }, spanOf: m[2] };
        byKey.set(key, draft);
        result.drafts.push(draft);
        return;
      }
      case 'A':
      case 'M':
      case 'N':
      case '#':
        later.push({ line, origin });
        return;
      case 'E':
        return fail(`'${key}': events are not supported`);
      case '*':
        return fail(`'${key}': equivalence sets are not supported`);
      default:
        return fail(`not a brat standoff line (it starts with '${key}')`);
    }
  });

  // Attributes and notes refer to annotations that may come later in the file: applied once all are read.
  for (const { line, origin } of later) {
    const [key, body = '', rest = ''] = splitTabs(line);
    const fail = (reason: string) => result.failures.push({ origin, reason });
    const words = body.split(' ');
    if (key[0] === '#') {
      const target = byKey.get(words[1]);
      if (target) addNote(target, rest);
      else fail(`note '${key}' is about '${words[1]}', which is not imported`);
    } else if (key[0] === 'N') {
      const [, ref, db = ''] = words;
      const target = byKey.get(ref);
      if (!target) {
        fail(`normalisation '${key}' is about '${ref}', which is not imported`);
        continue;
      }
      const colon = db.indexOf(':');
      const [database, id] = colon < 0 ? ['', db] : [db.slice(0, colon), db.slice(colon + 1)];
      const isEntity = ENTITY_DATABASES.has(database.toLowerCase()) || (ctx.entityIds?.has(id) ?? false);
      if (isEntity && target.kind === 'claim' && target.speaker === 'author') target.speaker = id;
      else if (isEntity) addTag(target, `entity:${id}`);
      else addNote(target, `${db}${rest ? ` (${rest})` : ''}`);
    } else {
      const [name, ref, value] = words;
      const target = byKey.get(ref);
      if (!target) {
        fail(`attribute '${key}' is about '${ref}', which is not imported`);
        continue;
      }
      if (CLAIM_TYPE_KEYS.has(name.toLowerCase()) && target.kind === 'claim' && value && (CLAIM_TYPES as readonly string[]).includes(value.toLowerCase())) {
        target.claimType = value.toLowerCase() as ClaimType;
      } else addTag(target, value ? `${name}:${value}` : name);
    }
  }
  for (const d of result.drafts) {
    if (d.kind === 'claim' && !d.claimType) {
      d.claimType = 'factual';
      result.warnings.push({ origin: d.origin, reason: `claim '${d.key}' has no claim type (no claimType attribute, type not e.g. Causal): imported as factual` });
    }
  }
  return result;
}

/** `key\tbody\trest`: brat fields are tab-separated; the text itself may hold tabs. */
function splitTabs(line: string): [string, string?, string?] {
  const first = line.indexOf('\t');
  if (first < 0) return [line];
  const second = line.indexOf('\t', first + 1);
  if (second < 0) return [line.slice(0, first), line.slice(first + 1)];
  return [line.slice(0, first), line.slice(first + 1, second), line.slice(second + 1)];
}
