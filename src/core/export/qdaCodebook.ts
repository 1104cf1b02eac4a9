import { AnnotationKind, ANNOTATION_KINDS, CLAIM_TYPES, LINK_RELATIONS, POLARITIES } from '../model';
import { guidFor } from './guid';
import { XmlElement } from './xmlWriter';

// The REFI-QDA codebook: a code per annotation kind, with a child per claim type, polarity or relation
// (the code an annotation is coded with), plus a "Tags" group with a code per tag used in the corpus.

export interface QdaCode {
  /** Stable key the GUID is derived from, e.g. `claim/factual`, `tag/funding`. */
  key: string;
  guid: string;
  name: string;
  isCodable: boolean;
  color: string;
  description: string;
  children: QdaCode[];
}

const KIND_COLORS: Record<AnnotationKind, string> = { claim: '#1F77B4', stance: '#FF7F0E', note: '#2CA02C', link: '#9467BD' };
const TAG_COLOR = '#7F7F7F';

const KIND_TERMS: Record<AnnotationKind, { field?: string; terms: readonly string[]; what: string }> = {
  claim: { field: 'claimType', terms: CLAIM_TYPES, what: 'Claims: statements presented as true, with a speaker and a claim type' },
  stance: { field: 'polarity', terms: POLARITIES, what: "Stances: a holder's position on a claim, an entity or a topic" },
  note: { terms: [], what: 'Notes: free comments on a passage' },
  link: { field: 'relation', terms: LINK_RELATIONS, what: 'Links: a relation between two annotations or entities, made at this passage' },
};

function code(key: string, name: string, color: string, description: string, children: QdaCode[] = [], isCodable = true): QdaCode {
  return { key, guid: guidFor(`code:${key}`), name, isCodable, color, description, children };
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The code tree; `tags` are the tags used in the corpus (sorted here). */
export function buildCodebook(tags: Iterable<string>): QdaCode[] {
  const codes = ANNOTATION_KINDS.map((kind) => {
    const { field, terms, what } = KIND_TERMS[kind];
    const children = terms.map((term) => code(`${kind}/${term}`, term, KIND_COLORS[kind], `${capitalised(kind)}s with ${field} '${term}'`));
    return code(kind, capitalised(kind), KIND_COLORS[kind], what, children);
  });
  const tagCodes = [...new Set(tags)].sort().map((tag) => code(`tag/${tag}`, tag, TAG_COLOR, `Annotations tagged '${tag}'`));
  if (tagCodes.length) codes.push(code('tags', 'Tags', TAG_COLOR, 'Tags given to annotations', tagCodes, false));
  return codes;
}

/** The code an annotation is coded with: its kind's child for the claim type, polarity or relation. */
export function codeKeyFor(kind: AnnotationKind, term: string | undefined): string {
  return term ? `${kind}/${term}` : kind;
}

/** Codes as REFI-QDA `<Code>` elements; the project schema allows NoteRef where the codebook schema does not, and neither is used. */
export function codeElements(codes: QdaCode[]): XmlElement[] {
  return codes.map((c) => ({
    name: 'Code',
    attributes: [
      ['guid', c.guid],
      ['name', c.name],
      ['isCodable', c.isCodable],
      ['color', c.color],
    ],
    children: [{ name: 'Description', text: c.description }, ...codeElements(c.children)],
  }));
}

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** A standalone codebook file (.qdc). */
export function codebookDocument(codes: QdaCode[]): XmlElement {
  return {
    name: 'CodeBook',
    attributes: [
      ['xmlns', CODEBOOK_NAMESPACE],
      ['origin', 'Policy Annotator'],
    ],
    children: [{ name: 'Codes', children: codeElements(codes) }],
  };
}
