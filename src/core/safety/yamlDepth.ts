// The `yaml` parser recurses once per nesting level. A file nested a few thousand levels deep (a
// 200 KB `[[[[…]]]]`) overflows the stack inside it; the overflow is reported as a parse error
// ("Maximum call stack size exceeded"), except when it happens while V8 compiles one of the
// parser's regular expressions, which is a fatal out-of-memory error: the process (the extension
// host, the CLI) dies and cannot catch it. So untrusted text is measured first, by this linear scan,
// and never handed to the parser when it nests deeper than `limit`.

/** Deeper than any sidecar or catalogue needs (their schema depth is under 10), far below where the parser overflows (about 800). */
export const PRE_PARSE_DEPTH_LIMIT = 200;

export interface DeepNesting {
  line: number;
  column: number;
  depth: number;
}

/**
 * Where `text` first nests deeper than `limit` (block indentation levels, compact `- - -` entries
 * and flow `[`/`{`, outside quotes, comments and block scalars), or undefined. It may count a
 * little more than the parser would, never less.
 */
export function findDeepNesting(text: string, limit = PRE_PARSE_DEPTH_LIMIT): DeepNesting | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let blockScalarParent = -1; // indent of the line that opened a block scalar, or -1
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;

    let indent = 0;
    while (indent < line.length && line.charCodeAt(indent) === 32) indent++;
    const blank = indent === line.length;
    if (blockScalarParent >= 0) {
      if (blank || indent > blockScalarParent) continue; // content of a literal or folded scalar
      blockScalarParent = -1;
    }
    if (blank || (!quote && line[indent] === '#')) continue;

    let depth = 0;
    let i = indent;
    if (flow === 0 && !quote) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // Compact nesting on one line (`- - - x`, `- key: x`): each node starts a column further in,
      // and later lines at those columns are inside it.
      while (i < line.length && (line[i] === '-' || line[i] === '?' || line[i] === ':') && (i + 1 === line.length || line[i + 1] === ' ')) {
        i += 2;
        while (line[i] === ' ') i++;
        if (i < line.length) indents.push(i);
      }
    }
    // Where a value may begin in block context: a flow collection opens only there.
    let valueStart = true;
    for (; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = undefined;
        } else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      if ((c === '&' || c === '!') && (valueStart || flow > 0)) {
        // An anchor or a tag in front of a value: the value still starts after it.
        while (i + 1 < line.length && line[i + 1] !== ' ' && !(flow > 0 && (line[i + 1] === ',' || line[i + 1] === '[' || line[i + 1] === '{' || line[i + 1] === ']' || line[i + 1] === '}'))) i++;
        continue;
      }
      if ((c === '"' || c === "'") && (valueStart || flow > 0)) {
        quote = c;
        continue;
      }
      if ((c === '[' || c === '{') && (valueStart || flow > 0)) {
        flow++;
        const total = indents.length + depth + flow;
        if (total > limit) return { line: lineNo, column: i + 1, depth: total };
        valueStart = true;
        continue;
      }
      if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      if (flow === 0) {
        // `key: ` and `- ` open a value; anything else is inside a plain scalar.
        valueStart = (c === ':' || c === '-' || c === '?') && (i + 1 === line.length || line[i + 1] === ' ');
        if (valueStart && c !== ':') {
          depth++;
          const total = indents.length + depth;
          if (total > limit) return { line: lineNo, column: i + 1, depth: total };
        }
      } else valueStart = c === ',' || c === ':';
    }
    const total = indents.length + depth + flow;
    if (total > limit) return { line: lineNo, column: 1, depth: total };
    if (flow === 0 && !quote && /(?:^|[\s:-])[|>][0-9+-]*\s*(?:#.*)?$/.test(line.slice(indent))) blockScalarParent = indent;
  }
  return undefined;
}
