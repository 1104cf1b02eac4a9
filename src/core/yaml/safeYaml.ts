import { Document, LineCounter, parseDocument, ParseOptions, DocumentOptions, SchemaOptions } from 'yaml';
import { Problem } from '../problem';
import { findDeepNesting, PRE_PARSE_DEPTH_LIMIT } from '../safety/yamlDepth';

// Limits that keep a hostile file from exhausting memory or time.
export const MAX_YAML_BYTES = 32 * 1024 * 1024;
export const MAX_ALIAS_COUNT = 50;
export const MAX_DEPTH = 64;

export const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
  merge: false,
  customTags: [],
  intAsBigInt: false,
  // YAML 1.1 tags (!!binary, !!set, !!timestamp…) would build objects before any check: refuse them as unknown.
  resolveKnownTags: false,
};

export interface ParsedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
  problems: Problem[];
}

const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?: |$)/;

/** Lines that hold git conflict markers, 1-based: a half-merged file must be fixed by a person. */
export function findConflictMarkers(text: string): number[] {
  const found: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) if (CONFLICT_MARKER.test(lines[i])) found.push(i + 1);
  return found;
}

export function problemAt(file: string, lines: LineCounter, offset: number, message: string, severity: Problem['severity'] = 'error', endOffset?: number): Problem {
  const { line, col } = lines.linePos(offset);
  const problem: Problem = { file, line, column: col, severity, message };
  if (endOffset !== undefined) {
    const end = lines.linePos(endOffset);
    problem.endLine = end.line;
    problem.endColumn = end.col;
  }
  return problem;
}

/**
 * Parses YAML that came from a repository someone else may have written: no custom tags,
 * unique keys, bounded size, aliases and nesting. Never throws; every problem is located.
 */
export function parseUntrustedYaml(text: string, file: string): ParsedYaml {
  const lines = new LineCounter();
  const problems: Problem[] = [];
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_YAML_BYTES) {
    problems.push({ file, line: 1, column: 1, severity: 'error', message: `file is ${bytes} bytes, over the limit of ${MAX_YAML_BYTES}; it is not read` });
    return { doc: parseDocument('', { lineCounter: lines }), lines, problems };
  }
  const markers = findConflictMarkers(text);
  if (markers.length) {
    for (const line of markers) {
      problems.push({ file, line, column: 1, severity: 'error', message: 'unresolved git merge conflict marker: resolve the conflict (or run the merge driver) before the file can be read' });
    }
    return { doc: parseDocument('', { lineCounter: lines }), lines, problems };
  }
  // The parser recurses per nesting level and can die of it (see safety/yamlDepth.ts): measure first.
  const deep = findDeepNesting(text);
  if (deep) {
    problems.push({ file, line: deep.line, column: deep.column, severity: 'error', message: `nesting deeper than ${PRE_PARSE_DEPTH_LIMIT} levels: the file is not read` });
    return { doc: parseDocument('', { lineCounter: lines }), lines, problems };
  }
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines });
  for (const e of doc.errors) problems.push(problemAt(file, lines, e.pos[0], e.message.split('\n')[0], 'error', e.pos[1]));
  // Unknown tags only warn in `yaml`; here they are errors: a tag must never construct anything.
  for (const w of doc.warnings) problems.push(problemAt(file, lines, w.pos[0], w.message.split('\n')[0], 'error', w.pos[1]));
  if (!problems.length) {
    const depthProblem = checkDepth(doc, file, lines);
    if (depthProblem) problems.push(depthProblem);
  }
  return { doc, lines, problems };
}

function checkDepth(doc: Document.Parsed, file: string, lines: LineCounter): Problem | undefined {
  type Node = { range?: [number, number, number]; items?: unknown[]; key?: unknown; value?: unknown };
  const stack: Array<[unknown, number]> = [[doc.contents, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    const n = node as Node;
    if (depth > MAX_DEPTH) {
      return problemAt(file, lines, n.range?.[0] ?? 0, `nesting deeper than ${MAX_DEPTH} levels`);
    }
    if (Array.isArray(n.items)) for (const item of n.items) stack.push([item, depth + 1]);
    if ('key' in n || 'value' in n) {
      stack.push([n.key, depth]);
      stack.push([n.value, depth]);
    }
  }
  return undefined;
}

/** Converts to plain JS without letting `__proto__` or alias bombs through. */
export function toPlain(doc: Document.Parsed): unknown {
  return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}
