// JSON Schema (draft-07) of an entity catalogue file. This object is the source of truth:
// schemas/entities.schema.json is the same object written out (a unit test keeps them equal),
// because src/core may not import files from outside src/core.

import { ENTITY_TYPES } from '../types';

export const ENTITY_CATALOGUE_SCHEMA_VERSION = 1;

const idPattern = '^[a-z0-9]+(-[a-z0-9]+)*$';

export const entityCatalogueSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://policy-annotator.invalid/schemas/entities.schema.json',
  title: 'Policy Annotator entity catalogue',
  description:
    'People, organisations, places, programmes, events and concepts that policy documents name. Several catalogue files may be loaded together; ids must be unique across them.',
  type: 'object',
  required: ['schemaVersion', 'entities'],
  additionalProperties: false,
  properties: {
    schemaVersion: { description: 'Format version of this file.', const: ENTITY_CATALOGUE_SCHEMA_VERSION },
    entities: { type: 'array', items: { $ref: '#/definitions/entity' } },
  },
  definitions: {
    entityId: {
      type: 'string',
      pattern: idPattern,
      description: 'Stable id in lowercase kebab case, e.g. xi-jinping. Annotations refer to entities by id.',
    },
    entity: {
      type: 'object',
      required: ['id', 'type', 'name'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/definitions/entityId' },
        type: { description: 'Kind of entity.', enum: [...ENTITY_TYPES] },
        name: { description: 'Canonical name; it is also matched in documents.', type: 'string', minLength: 1, maxLength: 500 },
        aliases: {
          description: 'Other names exactly as documents write them (case and punctuation rules: see the matcher).',
          type: 'array',
          items: { type: 'string', minLength: 1, maxLength: 500 },
          uniqueItems: true,
        },
        description: { description: 'Short description grounded in the documents.', type: 'string' },
        role: { description: 'Role or affiliation, as the documents state it.', type: 'string' },
        links: {
          type: 'object',
          additionalProperties: false,
          properties: {
            wikidata: { description: 'Wikidata item id, e.g. Q15031.', type: 'string', pattern: '^Q[1-9][0-9]*$' },
            url: { description: 'Reference web page.', type: 'string', pattern: '^https?://[^\\s]+$' },
          },
        },
        related: {
          description: 'Ids of related entities.',
          type: 'array',
          items: { $ref: '#/definitions/entityId' },
          uniqueItems: true,
        },
      },
    },
  },
} as const;
