// Parses one catalogue file defensively and maps data paths back to line:column.
//
// Catalogues come from the workspace, which may be untrusted: the parse is bounded in size and
// alias expansion, rejects custom tags, and never lets a `__proto__` key reach an object
// prototype. Nothing here throws: every problem becomes an issue with a position.

import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Node, parseDocument, visit } from 'yaml';
import type { SourcePosition } from '../types';
import { findDeepNesting, PRE_PARSE_DEPTH_LIMIT } from '../../safety/yamlDepth';
import { findConflictMarkers } from '../../yaml/safeYaml';

export interface CatalogueIssue extends SourcePosition {
  severity: 'error' | 'warning';
  message: string;
}

/** Default size limit for one catalogue file (characters). */
export const MAX_CATALOGUE_CHARS = 8 * 1024 * 1024;
/** Anchors are not needed in a catalogue; a few are tolerated, expansion bombs are not. */
const MAX_ALIAS_COUNT = 20;
/** Explicit tags allowed: only the standard scalar and collection ones. */
const ALLOWED_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`),
);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedSource {
  file: string;
  doc?: Document.Parsed;
  data?: unknown;
  lineCounter: LineCounter;
  issues: CatalogueIssue[];
}

export function parseSource(file: string, text: string, maxChars = MAX_CATALOGUE_CHARS): ParsedSource {
  const lineCounter = new LineCounter();
  const issues: CatalogueIssue[] = [];
  const issue = (offset: number, message: string, severity: CatalogueIssue['severity'] = 'error') => {
    const { line, col } = lineCounter.linePos(offset);
    issues.push({ file, line, column: col, severity, message });
  };
  if (text.length > maxChars) {
    issues.push({ file, line: 1, column: 1, severity: 'error', message: `file is larger than the ${maxChars}-character limit for catalogues` });
    return { file, lineCounter, issues };
  }
  const markers = findConflictMarkers(text);
  if (markers.length) {
    for (const line of markers) issues.push({ file, line, column: 1, severity: 'error', message: 'unresolved git merge conflict marker: resolve the conflict before the catalogue can be read' });
    return { file, lineCounter, issues };
  }
  // The parser recurses per nesting level and can die of it (see safety/yamlDepth.ts): measure first.
  const deep = findDeepNesting(text);
  if (deep) {
    issues.push({ file, line: deep.line, column: deep.column, severity: 'error', message: `nesting deeper than ${PRE_PARSE_DEPTH_LIMIT} levels: the catalogue is not read` });
    return { file, lineCounter, issues };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: false, resolveKnownTags: false });
  } catch (error) {
    issues.push({ file, line: 1, column: 1, severity: 'error', message: `cannot parse YAML: ${String(error)}` });
    return { file, lineCounter, issues };
  }
  for (const e of doc.errors) {
    issue(e.pos[0], e.code === 'MULTIPLE_DOCS' ? 'a catalogue file holds one YAML document (remove the extra ---)' : e.message.split('\n')[0]);
  }
  // Unresolved tags are only warnings to the YAML library; in a catalogue they are errors.
  const reportedTags = new Set<number>();
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') reportedTags.add(lineCounter.linePos(w.pos[0]).line);
    issue(w.pos[0], w.code === 'TAG_RESOLVE_FAILED' ? `${w.message.replace(/^Unresolved tag: /, "unknown tag '")}' is not allowed in a catalogue` : w.message.split('\n')[0]);
  }
  visit(doc, {
    Node(_key, node) {
      if (!node.tag || ALLOWED_TAGS.has(node.tag) || !node.range) return;
      if (!reportedTags.has(lineCounter.linePos(node.range[0]).line)) issue(node.range[0], `tag '${node.tag}' is not allowed in a catalogue`);
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && FORBIDDEN_KEYS.has(pair.key.value) && pair.key.range) {
        issue(pair.key.range[0], `key '${pair.key.value}' is not allowed`);
      }
    },
  });
  if (issues.length) return { file, doc, lineCounter, issues };
  try {
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { file, doc, data, lineCounter, issues };
  } catch (error) {
    issues.push({ file, line: 1, column: 1, severity: 'error', message: error instanceof Error ? error.message : String(error) });
    return { file, doc, lineCounter, issues };
  }
}

/** Splits an ajv instancePath (JSON Pointer) into keys and indices. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/**
 * Position of the node at `path`, or of its nearest existing ancestor. With `key`, the
 * position of that key inside the map at `path` (for unknown or misspelt properties).
 */
export function positionOf(source: ParsedSource, path: readonly (string | number)[], key?: string): SourcePosition {
  const fallback = { file: source.file, line: 1, column: 1 };
  if (!source.doc) return fallback;
  let node: unknown = source.doc.contents;
  let best: Node | undefined = isNode(node) ? node : undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === step);
      node = pair?.value;
    } else if (isSeq(node) && typeof step === 'number') node = node.items[step];
    else break;
    if (!isNode(node)) break;
    best = node;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair && isScalar(pair.key)) best = pair.key;
  }
  if (!best?.range) return fallback;
  const { line, col } = source.lineCounter.linePos(best.range[0]);
  return { file: source.file, line, column: col };
}

function isNode(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}
