// Restricted Mode: nothing the extension runs may start a program unless the workspace is trusted.
// The integration suite (test/integration/restricted) checks the behaviour; this keeps the list of
// places that can start one complete: a new import of child_process, of the git runner or of the
// core services (which run git) inside src/vscode or src/extension.ts fails here until it is reviewed and added below with the
// isTrusted check that guards it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(__dirname, '..', '..', '..');
const SPAWNS = /from ['"](node:)?child_process['"]|require\(['"](node:)?child_process['"]\)|gitIntegration\/gitRun|\bgitCli\b|\bcliLibrary\b|\brunCliCommand\b|dist['"], ['"]cli|core\/services\b|\bloadServices\b|['"]services\.js['"]/;

/** File → the check that keeps it from running anything in Restricted Mode (a regular expression its source must contain). */
const REVIEWED: Record<string, RegExp> = {
  'src/vscode/gitForTrust.ts': /vscode\.workspace\.isTrusted \? gitCli\(\) : noGit/,
  'src/vscode/review/reviewReport.ts': /diffAnnotations/, // the diff service runs git; only called from registerReview.ts, below
  'src/vscode/review/registerReview.ts': /if \(!vscode\.workspace\.isTrusted\) throw new UserError\(RESTRICTED_MESSAGE\)/,
  'src/vscode/transfer/loadServices.ts': /services\.js/, // only called from transferCommands.ts, below
  // Agreement between the authors of the folder on disk: no revisions are named, so git never runs.
  'src/vscode/team/teamReport.ts': /measureAgreement\(\{ root, annotationsFolder: readSettings\(folder\)\.annotationsFolder, fs, openText \}/,
  'src/vscode/transfer/transferCommands.ts': /if \(!vscode\.workspace\.isTrusted\) throw new UserError\(TRANSFER_RESTRICTED\)/,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('Restricted Mode: every place in the extension that can start a program is guarded', () => {
  const files = [...sources(join(repo, 'src', 'vscode')), join(repo, 'src', 'extension.ts')];

  it('knows every such place', () => {
    const spawning = files.map((f) => relative(repo, f).split('\\').join('/')).filter((f) => SPAWNS.test(readFileSync(join(repo, f), 'utf8')));
    expect(spawning.filter((f) => f !== 'src/extension.ts' && !(f in REVIEWED))).toEqual([]);
  });

  it.each(Object.entries(REVIEWED))('%s keeps its guard', (file, guard) => {
    expect(readFileSync(join(repo, file), 'utf8')).toMatch(guard);
  });

  it('the extension gets git only through gitForTrust, asked at each use (trust can be granted later)', () => {
    const extension = readFileSync(join(repo, 'src', 'extension.ts'), 'utf8');
    expect(extension).not.toMatch(/gitCli\(/);
    expect(extension).toMatch(/git: gitForTrust\b/);
  });

  it('the core services the transfer commands run are reached only through those guarded commands', () => {
    const users = files.filter((f) => /loadServices/.test(readFileSync(f, 'utf8'))).map((f) => relative(repo, f).split('\\').join('/'));
    expect(users.sort()).toEqual(['src/vscode/transfer/loadServices.ts', 'src/vscode/transfer/transferCommands.ts']);
  });

  it('no setting names a program to run (so none needs restrictedConfigurations)', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe('limited');
    const names = Object.keys(pkg.contributes.configuration.properties);
    expect(names.filter((k) => /path|command|executable|program|binary|shell|git/i.test(k.replace(/^policyAnnotator\./, '')))).toEqual([]);
  });
});
