import { CLAIM_TYPES, GENERIC_RELATION, parseAnnotationRef, POLARITIES } from '../model';
import { TARGET_DATABASE } from '../import/bratImport';
import { absoluteRef, ExportCorpus, ExportLink, resolveCorpus } from './corpus';

// brat standoff export: for each document a .txt (the normalised text brat's offsets count, in code
// points) and a .ann beside it, plus one annotation.conf declaring every type used, so brat opens the
// folder. Claims are T Claim with a claimType attribute, stances T Stance with a polarity attribute and
// their target as a policy-annotator-target normalisation, notes T Note (or the type an imported note
// kept as its tag); a speaker or holder other than the author is a policy-annotator normalisation; tags
// are Tag attributes, notes AnnotatorNotes. A link between two annotations of the same document is an R
// line of its relation (or of the brat type it was imported with). What brat cannot hold is listed in
// `lost`: links to other documents or entities, annotations not at their place, labels, authors, dates.

export interface BratExport {
  /** Relative path → content: `<doc>.txt`, `<doc>.ann` for each document, and `annotation.conf`. */
  files: Map<string, string>;
  /** What was left out, as `path#id: why`. */
  lost: string[];
}

const RELATION_TAG = 'relation:';

/** Where a document's .txt and .ann go: `x.txt` → `x.txt`/`x.ann`; `x.md` → `x.md.txt`/`x.md.ann`. */
export function bratBase(path: string): string {
  return path.replace(/\.txt$/i, '');
}

/** A span's text on one line, as brat writes it (the offsets, not this text, say where it is). */
const oneLine = (text: string) => text.replace(/\r?\n/g, ' ');
/** Note text on one line, reversibly: backslash, line break and tab escaped (the import undoes this). */
export const escapeNote = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');

export function exportBrat(corpus: ExportCorpus): BratExport {
  const resolved = resolveCorpus(corpus);
  const files = new Map<string, string>();
  const lost: string[] = [];
  const entityTypes = new Set<string>(['Claim', 'Stance', 'Note']);
  const relationTypes = new Set<string>();
  const tags = new Set<string>();
  for (const doc of resolved.documents) {
    const tIds = new Map<string, string>();
    const lines: string[] = [];
    let n = { T: 0, R: 0, A: 0, N: 0, '#': 0 };
    const next = (k: keyof typeof n) => `${k}${(n = { ...n, [k]: n[k] + 1 })[k]}`;
    const spans = doc.annotations.filter((a) => a.annotation.kind !== 'link');
    for (const item of spans) {
      if (!item.position) {
        lost.push(`${item.ref}: its words are not at its place, so it has no span`);
        continue;
      }
      const a = item.annotation;
      // A note's first tag, when it can be a brat type, is its type (an imported brat type comes back as it was).
      const typeTag = a.kind === 'note' && a.tags?.length && /^[A-Za-z][\w-]*$/.test(a.tags[0]) && a.tags[0] !== 'Note' ? a.tags[0] : undefined;
      const type = a.kind === 'claim' ? 'Claim' : a.kind === 'stance' ? 'Stance' : (typeTag ?? 'Note');
      entityTypes.add(type);
      const t = next('T');
      tIds.set(item.ref, t);
      lines.push(`${t}\t${type} ${item.position.start} ${item.position.end}\t${oneLine(a.anchor.exact)}`);
      if (a.kind === 'claim') lines.push(`${next('A')}\tclaimType ${t} ${a.claimType}`);
      if (a.kind === 'stance') lines.push(`${next('A')}\tpolarity ${t} ${a.polarity}`);
      const party = a.kind === 'claim' ? a.speaker : a.kind === 'stance' ? a.holder : 'author';
      if (party !== 'author') lines.push(`${next('N')}\tReference ${t} policy-annotator:${party}\t${party}`);
      for (const tag of a.tags ?? []) {
        if (tag === typeTag) continue;
        tags.add(tag);
        lines.push(`${next('A')}\tTag ${t} ${tag}`);
      }
      if (a.note !== undefined) lines.push(`${next('#')}\tAnnotatorNotes ${t}\t${escapeNote(a.note)}`);
    }
    // Stance targets and links point at T ids, so they come once every span has one.
    for (const item of spans) {
      const a = item.annotation;
      const t = tIds.get(item.ref);
      if (a.kind !== 'stance' || !t) continue;
      const target = absoluteRef(a.target, doc.path);
      const local = tIds.get(target);
      const id = local ?? encodeURIComponent(parseAnnotationRef(target) ? target : a.target);
      lines.push(`${next('N')}\tReference ${t} ${TARGET_DATABASE}:${id}\t${oneLine(a.target)}`);
    }
    for (const item of doc.annotations) if (item.annotation.kind === 'link') lines.push(...linkLine({ ref: item.ref, link: item.annotation, document: doc.path }, tIds, next, lost, relationTypes));
    // A link with no words of its own is brat's own kind of relation: an R between the two T ids.
    for (const item of doc.links) lines.push(...linkLine({ ref: item.ref, link: item.link, document: doc.path }, tIds, next, lost, relationTypes));
    files.set(`${bratBase(doc.path)}.txt`, doc.text);
    files.set(`${bratBase(doc.path)}.ann`, lines.map((l) => l + '\n').join(''));
  }
  files.set('annotation.conf', annotationConf(entityTypes, relationTypes, tags));
  return { files, lost };
}

function linkLine(item: { ref: string; link: ExportLink['link']; document: string }, tIds: Map<string, string>, next: (k: 'R' | 'A' | '#') => string, lost: string[], relationTypes: Set<string>): string[] {
  const { link: a, document } = item;
  const from = tIds.get(absoluteRef(a.from, document));
  const to = tIds.get(absoluteRef(a.to, document));
  if (!from || !to) {
    lost.push(`${item.ref}: brat relations join two spans of one document; ${absoluteRef(a.from, document)} → ${absoluteRef(a.to, document)} is not that`);
    return [];
  }
  const kept = a.relation === GENERIC_RELATION ? a.tags?.find((t) => t.startsWith(RELATION_TAG))?.slice(RELATION_TAG.length) : undefined;
  const type = kept ?? a.relation;
  relationTypes.add(type);
  const r = next('R');
  const out = [`${r}\t${type} Arg1:${from} Arg2:${to}`];
  for (const tag of a.tags ?? []) if (tag !== `${RELATION_TAG}${kept}`) out.push(`${next('A')}\tTag ${r} ${tag}`);
  if (a.note !== undefined) out.push(`${next('#')}\tAnnotatorNotes ${r}\t${escapeNote(a.note)}`);
  return out;
}

function annotationConf(entities: Set<string>, relations: Set<string>, tags: Set<string>): string {
  const lines = ['# Written by Policy Annotator (export --format brat).', '[entities]', ...[...entities].sort(), '', '[relations]'];
  for (const r of [...relations].sort()) lines.push(`${r}\tArg1:<ANY>, Arg2:<ANY>`);
  lines.push('', '[events]', '', '[attributes]');
  lines.push(`claimType\tArg:Claim, Value:${CLAIM_TYPES.join('|')}`);
  lines.push(`polarity\tArg:Stance, Value:${POLARITIES.join('|')}`);
  if (tags.size) lines.push(`Tag\tArg:<ANY>, Value:${[...tags].sort().join('|')}`);
  return lines.join('\n') + '\n';
}
