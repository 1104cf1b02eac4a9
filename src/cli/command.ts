import { InputError } from '../core/services';

// The shape every CLI sub-command has. Output goes through `io` so tests can capture it.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export interface CliCommand {
  name: string;
  summary: string;
  /** Full help text, shown by `policy-annotator <name> --help`. */
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Thrown for bad arguments: main prints the message and the command's usage, exit 2 (as for a service's InputError). */
export class UsageError extends InputError {}
