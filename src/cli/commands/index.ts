import type { CliCommand } from '../command';
import { statusCommand } from './status';
import { validateCommand } from './validate';
import { entitiesCommand } from './entities';

// Registry of sub-commands, in the order `--help` lists them.
export const commands: CliCommand[] = [validateCommand, statusCommand, entitiesCommand];
