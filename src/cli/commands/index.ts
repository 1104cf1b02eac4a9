import type { CliCommand } from '../command';
import { statusCommand } from './status';
import { validateCommand } from './validate';
import { entitiesCommand } from './entities';
import { diffCommand } from './diff';
import { exportCommand } from './export';
import { importCommand } from './import';
import { gitSetupCommand } from './gitSetup';
import { textconvCommand } from './textconv';
import { mergeDriverCommand } from './mergeDriver';
import { agreementCommand } from './agreement';
import { mapCommand } from './map';

// Registry of sub-commands, in the order `--help` lists them.
export const commands: CliCommand[] = [validateCommand, statusCommand, entitiesCommand, diffCommand, agreementCommand, exportCommand, importCommand, mapCommand, gitSetupCommand, textconvCommand, mergeDriverCommand];
