import { Scalar } from 'yaml';
import { readsAsNonStringInYaml11 } from '../yaml/yaml11';

// One rule for how each string is written, so the same annotation always renders to the same lines.

export const STRINGIFY_OPTIONS = {
  lineWidth: 0,
  minContentWidth: 0,
  indent: 2,
  indentSeq: true,
  defaultStringType: 'PLAIN',
  defaultKeyType: 'PLAIN',
  flowCollectionPadding: false,
  // Keeps '\n' escaped on one line instead of folding a quoted string over several.
  doubleQuotedAsJSON: true,
} as const;

/**
 * Multi-line free text reads best as a block literal; quotes and context strings are double-quoted
 * when they hold line breaks or edge white space, which editors strip from block scalars and plain scalars lose.
 */
export function styledScalar(value: unknown, key: string): Scalar {
  const scalar = new Scalar(value);
  if (typeof value !== 'string') return scalar;
  const edgeSpace = /^\s|\s$/.test(value);
  if (key === 'note' && value.includes('\n') && !/[ \t]\n|^\s|[ \t]$/.test(value)) {
    scalar.type = Scalar.BLOCK_LITERAL;
  } else if (edgeSpace || value.includes('\n') || /[\u0000-\u0008\u000b-\u001f\u007f\u00a0\u2028\u2029\ufeff]/.test(value) || readsAsNonStringInYaml11(value)) {
    // Also quoted: what a YAML 1.1 reader would take for a boolean, null, number or date (`on`, `1:20`, a timestamp).
    scalar.type = Scalar.QUOTE_DOUBLE;
  }
  return scalar;
}
