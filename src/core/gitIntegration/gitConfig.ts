import { DRIVER } from './gitattributes';

// The git config entries for the textconv and the merge driver. Git runs both through a shell, so the
// command is made of single-quoted words.

/** One word for a POSIX shell (git runs textconv and merge drivers with sh, also on Windows). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface CliLocation {
  /** process.argv[1]: the script node runs. */
  script: string;
  /** Its real path (symlinks resolved). */
  realScript: string;
  /** process.execPath. */
  node: string;
  /** Real path of `policy-annotator` as found on PATH, if it is. */
  onPath?: string;
}

/**
 * How git should run this CLI: `policy-annotator` when that is what was run and PATH finds the same
 * file (an npm install); otherwise the absolute node and script paths, which work in GUI git clients
 * whose PATH has no node. Re-run git-setup after moving the checkout or changing node.
 */
export function cliCommand(loc: CliLocation): string {
  const name = loc.script.split(/[\\/]/).pop() ?? '';
  if (/^policy-annotator(\.js)?$/.test(name) && loc.onPath && loc.onPath === loc.realScript) return 'policy-annotator';
  return `${shellQuote(loc.node)} ${shellQuote(loc.realScript)}`;
}

export const MERGE_DRIVER_NAME = 'Policy Annotator: three-way merge of annotation sidecars by annotation id';

/** key → value, in the order they are set. */
export function gitConfigEntries(command: string): Array<[string, string]> {
  return [
    [`diff.${DRIVER}.textconv`, `${command} textconv`],
    [`merge.${DRIVER}.name`, MERGE_DRIVER_NAME],
    [`merge.${DRIVER}.driver`, `${command} merge-driver %O %A %B %P`],
  ];
}
