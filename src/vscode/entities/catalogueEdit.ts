import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, type Node, parseDocument, stringify, type YAMLMap, type YAMLSeq } from 'yaml';
import type { EntityType } from '../../core/entities/types';

// Edits a catalogue file as text, at places the YAML Document API locates, so that comments,
// folding and quoting elsewhere stay byte for byte. Each result is parsed again and must hold
// exactly the intended data; otherwise the edit is refused.

export interface NewEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases?: string[];
}

export class CatalogueEditError extends Error {}

export function addEntity(text: string, entity: NewEntity): string {
  const { data, entities } = parse(text);
  const eol = eolOf(text);
  const item: Record<string, unknown> = { id: entity.id, type: entity.type, name: entity.name };
  if (entity.aliases?.length) item.aliases = entity.aliases;
  let out: string;
  const last = entities.items[entities.items.length - 1] as Node | undefined;
  if (entities.flow || !last?.range) {
    // `entities: []` (or empty): write the list as a block instead.
    const [start, end] = entities.range ?? fail('the entities list has no position');
    const items = [...entities.items.map((n) => (n as Node).toJSON() as Record<string, unknown>), item].map((i) => blockItem(i, '  - ', eol));
    const rest = text.slice(end);
    out = `${text.slice(0, start).replace(/[ \t]*$/, '')}${eol}${items.join(eol)}${/^\r?\n/.test(rest) ? '' : eol}${rest}`;
  } else {
    const dash = dashPrefix(text, entities);
    const at = lineEndAt(text, last.range[1]);
    out = `${text.slice(0, at)}${eol}${eol}${blockItem(item, dash, eol)}${text.slice(at)}`;
  }
  const expected = { ...data, entities: [...data.entities, item] };
  return verified(out, expected);
}

export function addAlias(text: string, id: string, alias: string): string {
  const { data, entities } = parse(text);
  const eol = eolOf(text);
  const index = entities.items.findIndex((n) => isMap(n) && n.get('id') === id);
  if (index < 0) throw new CatalogueEditError(`entity '${id}' is not in this file`);
  const map = entities.items[index] as YAMLMap;
  const aliases = map.get('aliases', true) as Node | undefined;
  let out: string;
  if (isSeq(aliases) && !aliases.flow && aliases.items.length) {
    const lastAlias = aliases.items[aliases.items.length - 1] as Node;
    const prefix = dashPrefix(text, aliases);
    const at = lineEndAt(text, lastAlias.range![1]);
    out = `${text.slice(0, at)}${eol}${prefix}${scalar(alias)}${text.slice(at)}`;
  } else if (isSeq(aliases)) {
    const [start, end] = aliases.range ?? fail('the aliases list has no position');
    const values = [...(aliases.toJSON() as string[]), alias];
    out = `${text.slice(0, start)}${stringify(values, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim()}${text.slice(end)}`;
  } else if (aliases === undefined) {
    const name = map.items.find((p) => isScalar(p.key) && p.key.value === 'name');
    const keyStart = (name?.key as Node | undefined)?.range?.[0];
    const valueEnd = (name?.value as Node | undefined)?.range?.[1];
    if (keyStart === undefined || valueEnd === undefined) fail(`entity '${id}' has no name to put the aliases after`);
    const indent = ' '.repeat(columnOf(text, keyStart));
    const at = lineEndAt(text, valueEnd);
    out = `${text.slice(0, at)}${eol}${indent}aliases:${eol}${indent}  - ${scalar(alias)}${text.slice(at)}`;
  } else {
    fail(`the aliases of '${id}' are not a list`);
  }
  const expected = structuredClone(data);
  const entry = expected.entities[index] as Record<string, unknown>;
  entry.aliases = [...((entry.aliases as string[] | undefined) ?? []), alias];
  return verified(out, expected);
}

interface Parsed {
  data: { entities: unknown[] } & Record<string, unknown>;
  entities: YAMLSeq;
}

function parse(text: string): Parsed {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) fail(`the file does not parse: ${doc.errors[0].message.split('\n')[0]}`);
  if (!isMap(doc.contents)) fail('the file is not a catalogue (no top-level map)');
  const entities = doc.contents.get('entities', true);
  if (!isSeq(entities)) fail("the file has no 'entities' list");
  const data = doc.toJS() as Parsed['data'];
  return { data, entities };
}

/** The text in front of a list item's value on its line: indentation and "- ". */
function dashPrefix(text: string, seq: YAMLSeq): string {
  const first = seq.items[0] as Node | undefined;
  if (!first?.range) return '  - ';
  const start = text.lastIndexOf('\n', first.range[0] - 1) + 1;
  const prefix = text.slice(start, first.range[0]);
  return /^[ \t]*- +$/.test(prefix) ? prefix : `${' '.repeat(Math.max(0, prefix.indexOf('-')))}- `;
}

/** One list item in block style, its lines indented under `dash` ("  - "). */
function blockItem(item: Record<string, unknown>, dash: string, eol: string): string {
  const body = stringify(item, { lineWidth: 0, indent: 2, indentSeq: true }).trimEnd().split('\n');
  const pad = ' '.repeat(dash.length);
  return body.map((line, i) => (i === 0 ? dash : line ? pad : '') + line).join(eol);
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function lineEndAt(text: string, offset: number): number {
  // A node's range may end after its line break: step back to the end of its last line.
  let at = offset;
  while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === '\r')) at--;
  const next = text.indexOf('\n', at);
  const end = next < 0 ? text.length : next;
  return text[end - 1] === '\r' ? end - 1 : end;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function verified(out: string, expected: unknown): string {
  const check = parseDocument(out, { uniqueKeys: true });
  if (check.errors.length || !isDeepStrictEqual(stripUndefined(check.toJS()), stripUndefined(expected))) {
    fail('the edited file would not read back as intended; edit it by hand');
  }
  return out;
}

function stripUndefined(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function fail(message: string): never {
  throw new CatalogueEditError(message);
}
