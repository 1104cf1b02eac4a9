import { ANNOTATION_KINDS, CLAIM_TYPES, DOCUMENT_TYPES, FIELD_ORDER, LINK_RELATIONS, METADATA_FIELD_ORDER, POLARITIES, REVIEW_STATUSES, SCHEMA_VERSION } from '../model';

// The sidecar JSON Schema is built from the model's tables, so a new kind or relation needs no schema edit.
// `npm run schemas` writes it to schemas/sidecar.schema.json (shipped for yamlValidation); a test keeps the two equal.

const reference = {
  type: 'string',
  minLength: 1,
  description: '`path#id` or `#id` for an annotation (path relative to the workspace folder), or an entity id.',
};
const party = { type: 'string', minLength: 1, description: 'An entity id from the catalogue, `author`, or `party:<words>` for a party named in free text (critics, officials).' };

const kindFields: Record<string, Record<string, object>> = {
  claim: {
    label: { type: 'string', minLength: 1, description: 'A paraphrase of what is claimed.' },
    speaker: party,
    claimType: { enum: [...CLAIM_TYPES] },
  },
  stance: {
    holder: party,
    target: { type: 'string', minLength: 1, description: 'A claim (`path#id` or `#id`), an entity id, or `topic:<words>`.' },
    polarity: { enum: [...POLARITIES] },
  },
  note: {},
  link: { from: reference, to: reference, relation: { enum: [...LINK_RELATIONS] } },
};

const commonFields = {
  id: { type: 'string', pattern: '^[0-9a-z][0-9a-z-]{2,31}$', description: 'Stable id, unique in the workspace, never reused.' },
  anchor: { $ref: '#/definitions/anchor' },
  author: { type: 'string' },
  created: { type: 'string', format: 'date-time' },
  modified: { type: 'string', format: 'date-time' },
  tags: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
  note: { type: 'string' },
  review: { $ref: '#/definitions/review' },
  curatedFrom: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true, description: "A curator's version: the ids of the competing annotations it settles." },
  supersededBy: { type: 'string', minLength: 1, description: 'Replaced by the curated annotation with this id.' },
};

const metadataFields: Record<(typeof METADATA_FIELD_ORDER)[number], object> = {
  title: { type: 'string', minLength: 1, description: 'The document’s title.' },
  authors: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: 'Authors, or the speaker of a speech or interview.' },
  publisher: { type: 'string', minLength: 1, description: 'Publisher or outlet.' },
  published: { type: 'string', pattern: '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$', description: 'Date of publication: YYYY, YYYY-MM or YYYY-MM-DD.' },
  url: { type: 'string', pattern: '^https?://[^\\s]+$', description: 'Where the document was published (http or https).' },
  type: { enum: [...DOCUMENT_TYPES], description: 'What kind of text the document is.' },
  language: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'BCP 47 language tag, e.g. en or zh-Hant.' },
};

const annotationRef = { type: 'string', pattern: '^[^#]*#[0-9a-z][0-9a-z-]{2,31}$', description: 'an annotation reference, `path#id` or `#id` (a link without an anchor joins two annotations; one with an entity end needs an anchor).' };

function kindSchema(kind: (typeof ANNOTATION_KINDS)[number]): object {
  const fields = { ...commonFields, kind: { const: kind }, ...kindFields[kind] };
  const properties = Object.fromEntries(FIELD_ORDER[kind].map((key) => [key, fields[key as keyof typeof fields]]));
  // Only a link may go without an anchor (it then quotes nothing and joins two annotations).
  const optional = new Set(['tags', 'note', 'review', 'curatedFrom', 'supersededBy', ...(kind === 'link' ? ['anchor'] : [])]);
  return {
    type: 'object',
    title: kind,
    additionalProperties: false,
    required: FIELD_ORDER[kind].filter((key) => !optional.has(key)),
    properties,
    ...(kind === 'link' ? { if: { not: { required: ['anchor'] } }, then: { properties: { from: annotationRef, to: annotationRef } } } : {}),
  };
}

export function buildSidecarSchema(): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://policy-annotator.invalid/schemas/sidecar.schema.json',
    title: 'Policy Annotator sidecar',
    description: 'Annotations of one document, anchored by quote and position.',
    type: 'object',
    additionalProperties: false,
    required: ['schemaVersion', 'document', 'fingerprint', 'annotations'],
    properties: {
      schemaVersion: { type: 'integer', minimum: 1, description: `Format version; this release writes ${SCHEMA_VERSION}.` },
      document: { type: 'string', minLength: 1, description: 'Document path relative to the workspace folder.' },
      fingerprint: { type: 'string', pattern: '^([0-9a-f]{40}|[0-9a-f]{64})$', description: 'Git blob id of the document at last save.' },
      metadata: { $ref: '#/definitions/metadata' },
      annotations: { type: 'array', items: { $ref: '#/definitions/annotation' } },
    },
    definitions: {
      metadata: {
        type: 'object',
        additionalProperties: false,
        description: 'Facts about the document (never written into the document itself).',
        properties: Object.fromEntries(METADATA_FIELD_ORDER.map((key) => [key, metadataFields[key]])),
      },
      anchor: {
        type: 'object',
        additionalProperties: false,
        required: ['exact', 'prefix', 'suffix', 'start', 'end'],
        description: 'W3C TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector (start, end), in UTF-16 code units of the text with BOM removed and line ends as LF.',
        properties: {
          exact: { type: 'string', minLength: 1 },
          prefix: { type: 'string' },
          suffix: { type: 'string' },
          start: { type: 'integer', minimum: 0 },
          end: { type: 'integer', minimum: 0 },
        },
      },
      review: {
        type: 'object',
        additionalProperties: false,
        required: ['status'],
        properties: { status: { enum: [...REVIEW_STATUSES] }, was: { type: 'string' }, reason: { type: 'string' } },
      },
      annotation: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { enum: [...ANNOTATION_KINDS] } },
        // if/then per kind gives one precise error instead of oneOf's error per branch.
        allOf: ANNOTATION_KINDS.map((kind) => ({ if: { properties: { kind: { const: kind } } }, then: kindSchema(kind) })),
      },
    },
  };
}
