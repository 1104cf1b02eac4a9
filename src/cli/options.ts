import * as path from 'node:path';
import { parseArgs, ParseArgsConfig } from 'node:util';
import { CliIo, UsageError } from './command';
import { WorkspaceTarget } from '../core/services';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every workspace command takes. */
export const WORKSPACE_OPTIONS = {
  root: { type: 'string' },
  'annotations-dir': { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies Options;

export const WORKSPACE_USAGE = [
  '  --root DIR              workspace folder the document paths are relative to (default: the current folder)',
  '  --annotations-dir DIR   sidecar folder, relative to the root (default: annotations)',
  '  --json                  print machine-readable JSON',
].join('\n');

/** node's parseArgs, with its errors turned into usage errors. */
export function parseOptions<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The workspace a command works on; paths on the command line are relative to the current folder. */
export function workspaceFrom(values: { root?: string; 'annotations-dir'?: string }, io: CliIo): WorkspaceTarget {
  return { root: values.root ? path.resolve(io.cwd, values.root) : io.cwd, annotationsFolder: values['annotations-dir'] ?? 'annotations', cwd: io.cwd };
}
