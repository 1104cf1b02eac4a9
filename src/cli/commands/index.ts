import type { CliCommand } from '../command';

// Registry of sub-commands, in the order `--help` lists them.
export const commands: CliCommand[] = [];
