// Loads and merges entity catalogue files. Pure: callers read the files (the CLI from disk,
// the extension through the workspace API) and pass their text.

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { foldExactTable, foldString } from '../matcher/fold';
import type { Catalogue, Entity, EntityType, SourcePosition } from '../types';
import { ENTITY_CATALOGUE_SCHEMA_VERSION, entityCatalogueSchema } from './schema';
import { type CatalogueIssue, MAX_CATALOGUE_CHARS, type ParsedSource, parseSource, pointerToPath, positionOf } from './yamlSource';

export type { CatalogueIssue } from './yamlSource';

export interface CatalogueSource {
  /** Shown in issues; normally the path relative to the workspace or cwd. */
  file: string;
  text: string;
}

export interface CatalogueLoadResult {
  /** Every entity that validated, in file order; entities with errors are left out. */
  catalogue: Catalogue;
  issues: CatalogueIssue[];
  /** No issue of severity error. */
  ok: boolean;
  /** Files written by a newer version: shown, never written. */
  readOnly: string[];
}

export interface LoadOptions {
  /** Size limit per file, in characters. */
  maxChars?: number;
}

let validator: ValidateFunction | undefined;

function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    validator = ajv.compile(entityCatalogueSchema);
  }
  return validator(data) ? [] : (validator.errors ?? []);
}

/** "file:line:column: severity: message", the format editors and terminals link. */
export function formatIssue(issue: CatalogueIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.severity}: ${issue.message}`;
}

export function loadCatalogue(sources: readonly CatalogueSource[], options: LoadOptions = {}): CatalogueLoadResult {
  const issues: CatalogueIssue[] = [];
  const entities: Entity[] = [];
  const firstById = new Map<string, SourcePosition>();
  const relatedRefs: { id: string; at: SourcePosition }[] = [];
  const readOnly: string[] = [];

  for (const { file, text } of sources) {
    const source = parseSource(file, text, options.maxChars ?? MAX_CATALOGUE_CHARS);
    issues.push(...source.issues);
    if (source.issues.some((i) => i.severity === 'error')) continue;
    const version = (source.data as { schemaVersion?: unknown } | undefined)?.schemaVersion;
    if (typeof version === 'number' && Number.isInteger(version) && version > ENTITY_CATALOGUE_SCHEMA_VERSION) {
      // A newer format: read what this version understands, say so, and never write the file.
      readOnly.push(file);
      issues.push({ ...positionOf(source, ['schemaVersion']), severity: 'warning', message: `written by a newer Policy Annotator (catalogue schema ${version}, this one reads ${ENTITY_CATALOGUE_SCHEMA_VERSION}): shown read-only; upgrade the extension to edit it` });
      source.data = { ...(source.data as object), schemaVersion: ENTITY_CATALOGUE_SCHEMA_VERSION };
    }

    const rejected = new Set<number>();
    let fileRejected = false;
    for (const error of validate(source.data)) {
      const path = pointerToPath(error.instancePath);
      if (path[0] === 'entities' && typeof path[1] === 'number') rejected.add(path[1]);
      else fileRejected = true;
      issues.push(schemaIssue(source, error, path));
    }
    if (fileRejected) continue;

    const items = (source.data as { entities: RawEntity[] }).entities;
    items.forEach((raw, i) => {
      if (rejected.has(i)) return;
      const origin = positionOf(source, ['entities', i, 'id']);
      const first = firstById.get(raw.id);
      if (first) {
        issues.push({ ...origin, severity: 'error', message: `duplicate entity id '${raw.id}' (first defined at ${first.file}:${first.line}:${first.column})` });
        return;
      }
      firstById.set(raw.id, origin);
      (raw.related ?? []).forEach((id, k) => relatedRefs.push({ id, at: positionOf(source, ['entities', i, 'related', k]) }));
      entities.push(toEntity(raw, origin));
      issues.push(...aliasIssues(source, raw, i));
    });
  }

  for (const ref of relatedRefs) {
    if (!firstById.has(ref.id)) issues.push({ ...ref.at, severity: 'warning', message: `related id '${ref.id}' is not in the catalogue` });
  }
  issues.push(...sharedAliasIssues(entities));
  return { catalogue: { entities }, issues, ok: !issues.some((i) => i.severity === 'error'), readOnly };
}

interface RawEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases?: string[];
  description?: string;
  role?: string;
  links?: { wikidata?: string; url?: string };
  related?: string[];
}

// Copies known fields only: nothing else from the file reaches the model.
function toEntity(raw: RawEntity, origin: SourcePosition): Entity {
  const entity: Entity = { id: raw.id, type: raw.type, name: raw.name, aliases: [...(raw.aliases ?? [])], origin };
  if (raw.description !== undefined) entity.description = raw.description.trim();
  if (raw.role !== undefined) entity.role = raw.role;
  if (raw.links) {
    entity.links = {};
    if (raw.links.wikidata !== undefined) entity.links.wikidata = raw.links.wikidata;
    if (raw.links.url !== undefined) entity.links.url = raw.links.url;
  }
  if (raw.related) entity.related = [...raw.related];
  return entity;
}

function schemaIssue(source: ParsedSource, error: ErrorObject, path: (string | number)[]): CatalogueIssue {
  const where = describePath(path);
  const params = error.params as Record<string, unknown>;
  let message: string;
  let key: string | undefined;
  switch (error.keyword) {
    case 'additionalProperties':
      key = String(params.additionalProperty);
      message = `unknown property '${key}'${where ? ` in ${where}` : ''}`;
      break;
    case 'required':
      message = `${where || 'the file'} is missing required property '${String(params.missingProperty)}'`;
      break;
    case 'enum':
      message = `${where} must be one of: ${(params.allowedValues as unknown[]).join(', ')}`;
      break;
    case 'const':
      message = `${where} must be ${JSON.stringify(params.allowedValue)}`;
      break;
    case 'pattern':
      message = path.at(-1) === 'id' || path.at(-2) === 'related' ? `${where} must be a lowercase kebab-case id (a-z, 0-9, single hyphens)` : `${where} ${error.message ?? 'is invalid'}`;
      break;
    case 'uniqueItems':
      message = `${where} has a repeated item (items ${String(params.j)} and ${String(params.i)})`;
      break;
    default:
      message = `${where || 'the file'} ${error.message ?? 'is invalid'}`;
  }
  return { ...positionOf(source, path, key), severity: 'error', message };
}

/** `entities[3].aliases[1]`, for messages. */
function describePath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function aliasIssues(source: ParsedSource, raw: RawEntity, i: number): CatalogueIssue[] {
  const out: CatalogueIssue[] = [];
  const seen = new Set([foldString(raw.name, foldExactTable())]);
  (raw.aliases ?? []).forEach((alias, k) => {
    const key = foldString(alias, foldExactTable());
    const at = positionOf(source, ['entities', i, 'aliases', k]);
    if (!key) out.push({ ...at, severity: 'error', message: `alias '${alias}' is empty once quotes and spaces are ignored` });
    else if (seen.has(key)) out.push({ ...at, severity: 'warning', message: `alias '${alias}' repeats the name or another alias of '${raw.id}' (quotes and spacing are ignored when matching)` });
    seen.add(key);
  });
  return out;
}

/** Two entities with the same alias: the first in catalogue order gets the mentions. */
function sharedAliasIssues(entities: readonly Entity[]): CatalogueIssue[] {
  const owner = new Map<string, Entity>();
  const out: CatalogueIssue[] = [];
  for (const entity of entities) {
    for (const alias of new Set([entity.name, ...entity.aliases])) {
      const key = foldString(alias, foldExactTable());
      const first = owner.get(key);
      if (!first) owner.set(key, entity);
      else if (first.id !== entity.id && entity.origin) {
        out.push({ ...entity.origin, severity: 'warning', message: `'${alias}' is also a name of '${first.id}', which takes precedence` });
      }
    }
  }
  return out;
}
