import { constants, promises as fsp, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { checkAttributesFolder, updateGitattributes } from '../../core/gitIntegration/gitattributes';
import { cliCommand, gitConfigEntries } from '../../core/gitIntegration/gitConfig';
import { runGit } from '../../core/gitIntegration/gitRun';
import { nodeFileSystem } from '../../core/ports/nodeFileSystem';
import { CliCommand, UsageError } from '../command';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../options';

type Outcome = 'set' | 'unchanged' | 'missing' | 'differs';

export const gitSetupCommand: CliCommand = {
  name: 'git-setup',
  summary: 'configure git to diff sidecars readably and merge them by annotation id',
  usage: [
    'Usage: policy-annotator git-setup [options]',
    '',
    'Sets up the repository around --root so that git understands sidecars:',
    '  .gitattributes (in --root): <annotations-dir>/**/*.yaml get diff=policy-annotator and',
    '      merge=policy-annotator; entity catalogues (entities.yaml, *.entities.yaml) are left to git.',
    '      The lines sit between marker comments, replaced on every run; other lines are kept.',
    '  git config (this repository only, .git/config):',
    '      diff.policy-annotator.textconv  "<cli> textconv"     (git diff / git log -p read like a review)',
    '      merge.policy-annotator.driver   "<cli> merge-driver %O %A %B %P"  (three-way merge by id)',
    '      merge.policy-annotator.name',
    '<cli> is `policy-annotator` when you ran it from PATH, otherwise the absolute paths of node and of',
    'this CLI, so GUI git clients without node on PATH work too. Run git-setup again after moving the',
    'checkout or upgrading node, or pass --command. Running it twice changes nothing.',
    'Commit .gitattributes; each clone runs git-setup once (git config is not committed).',
    '',
    'Exit code: 0 done (with --check: everything is in place); 1 otherwise; 2 on bad usage.',
    '',
    'Options:',
    WORKSPACE_USAGE,
    '  --command CMD           how git should run this CLI, as a shell command (e.g. "npx policy-annotator")',
    '  --check                 change nothing; report what is missing or different',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { ...WORKSPACE_OPTIONS, command: { type: 'string' }, check: { type: 'boolean' } });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const ws = workspaceFrom(values, io);
    const folderProblem = checkAttributesFolder(ws.annotationsFolder);
    if (folderProblem) throw new UsageError(folderProblem);
    if (values.command !== undefined && !values.command.trim()) throw new UsageError('--command must not be empty');

    const inside = await runGit(ws.root, ['rev-parse', '--is-inside-work-tree']);
    if (!inside.ok || inside.stdout.toString().trim() !== 'true') {
      io.err(`policy-annotator git-setup: ${ws.root} is not inside a git work tree${inside.stderr ? ` (${inside.stderr})` : ''}\n`);
      return 1;
    }
    const command = values.command ?? (await detectCommand());
    const check = Boolean(values.check);
    const results: Array<{ what: string; outcome: Outcome; value?: string }> = [];

    const attributesFile = path.join(ws.root, '.gitattributes');
    const existing = await fsp.readFile(attributesFile, 'utf8').catch(() => undefined);
    const attributes = updateGitattributes(existing, ws.annotationsFolder);
    if (attributes.changed && !check) await nodeFileSystem.writeAtomic(attributesFile, attributes.text);
    results.push({ what: '.gitattributes', outcome: attributes.changed ? (check ? (existing === undefined ? 'missing' : 'differs') : 'set') : 'unchanged' });

    for (const [key, value] of gitConfigEntries(command)) {
      const current = await runGit(ws.root, ['config', '--local', '--get', key]);
      const now = current.ok ? current.stdout.toString('utf8').replace(/\n$/, '') : undefined;
      const outcome: Outcome = now === value ? 'unchanged' : check ? (now === undefined ? 'missing' : 'differs') : 'set';
      if (outcome === 'set') {
        const set = await runGit(ws.root, ['config', '--local', key, value]);
        if (!set.ok) throw new Error(`git config ${key} failed: ${set.stderr}`);
      }
      results.push({ what: key, outcome, value });
    }

    const incomplete = results.some((r) => r.outcome === 'missing' || r.outcome === 'differs');
    if (values.json) io.out(JSON.stringify({ root: ws.root, command, check, ok: !incomplete, results }, null, 2) + '\n');
    else {
      for (const r of results) io.out(`${r.outcome.padEnd(9)}  ${r.what}${r.value !== undefined ? ` = ${r.value}` : ''}\n`);
      io.out(check ? (incomplete ? "git is not fully set up for sidecars: run 'policy-annotator git-setup'\n" : 'git is set up for sidecars\n') : 'git is set up for sidecars; commit .gitattributes\n');
    }
    return incomplete ? 1 : 0;
  },
};

/** The command git should run: see cliCommand. */
async function detectCommand(): Promise<string> {
  const script = process.argv[1];
  const realScript = script ? realpathSync(script) : '';
  // Run from anything but the bundled CLI (a test runner, ts-node), the script is not something git can call.
  if (!/^(cli\.js|policy-annotator(\.js)?)$/.test(path.basename(realScript)) && !/^policy-annotator(\.js)?$/.test(path.basename(script ?? ''))) {
    throw new UsageError(`cannot tell how git should run this CLI (it runs as ${script ?? 'an unknown script'}); pass --command`);
  }
  return cliCommand({ script, realScript, node: process.execPath, onPath: await findOnPath('policy-annotator') });
}

async function findOnPath(name: string): Promise<string | undefined> {
  const exts = process.platform === 'win32' ? ['.cmd', '.exe', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        await fsp.access(candidate, constants.X_OK);
        return realpathSync(candidate);
      } catch {
        // not here
      }
    }
  }
  return undefined;
}
