import { InputError } from '../core/services';
import { CliIo } from './command';
import { commands } from './commands/index';

const PROGRAM = 'policy-annotator';

export function mainUsage(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Policy Annotator: check, report and convert the sidecar annotations of policy documents.',
    '',
    'Commands:',
    ...lines,
    '',
    `Run '${PROGRAM} <command> --help' for a command's options.`,
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainUsage() + '\n');
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`${PROGRAM}: unknown command '${name}'\n\n${mainUsage()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`${PROGRAM} ${name}: ${flagged(error)}\n\n${command.usage}\n`);
      return 2;
    }
    io.err(`${PROGRAM} ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** A service names a bad option as it calls it (`baseIri`); the CLI as its flag (`--base-iri`). */
const flagged = (error: InputError) => (error.option ? `--${error.option.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} ${error.message}` : error.message);
