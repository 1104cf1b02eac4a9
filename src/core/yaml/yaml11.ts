// Strings a YAML 1.1 reader (PyYAML, SnakeYAML, Ruby's Psych, old libyaml) resolves to something other
// than a string when written plain: booleans (y, n, yes, no, on, off…), null and ~, integers in 1.1's
// bases and underscores, sexagesimal numbers (1:20), floats (.5, 1e3 without a dot is a string), .inf
// and .nan, timestamps, and the merge and value keys. The tag regexps are those of the YAML 1.1 type
// repository (yaml.org/type), with the case variants PyYAML's resolver accepts, widened to what the
// `yaml` package's 1.1 schema also reads as a number (`e0`). Writers double-quote
// these, so every reader, 1.1 or 1.2, gets the string back.

const BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const INT = /^[-+]?(?:0b[01_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+)$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$/;
const SPECIAL = /^(?:<<|=)$/;

export function readsAsNonStringInYaml11(value: string): boolean {
  return BOOL.test(value) || NULL.test(value) || INT.test(value) || FLOAT.test(value) || TIMESTAMP.test(value) || SPECIAL.test(value);
}
