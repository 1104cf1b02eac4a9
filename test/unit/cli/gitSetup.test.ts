import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from '../gitIntegration/builtCli';
import { cli } from './runCliCapture';
import { git, tempRepo } from './tempRepo';

// git-setup run as git users run it: the bundled CLI as a program, so it can name itself in git config.

const SIDECAR = 'annotations/seeds/000_d3c97eb98561e2fd.txt.yaml';
let cliJs: string;
beforeAll(async () => {
  cliJs = await builtCli();
});

function node(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [cliJs, ...args], { cwd: root, encoding: 'utf8' });
}

describe('git-setup', () => {
  it('writes .gitattributes and the repository config, pointing at this CLI, and is idempotent', () => {
    const root = tempRepo(['000_d3c97eb98561e2fd.txt']);
    writeFileSync(join(root, '.gitattributes'), '*.txt text eol=lf\n');
    const first = node(root, 'git-setup');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^set +\.gitattributes\n/);
    const attributes = readFileSync(join(root, '.gitattributes'), 'utf8');
    expect(attributes).toBe(
      [
        '*.txt text eol=lf',
        '',
        '# policy-annotator: begin (written by `policy-annotator git-setup`; edit with care)',
        'annotations/**/*.yaml diff=policy-annotator merge=policy-annotator',
        'annotations/**/entities.yaml !diff !merge',
        'annotations/**/*.entities.yaml !diff !merge',
        '# policy-annotator: end',
        '',
      ].join('\n'),
    );
    const command = `${process.execPath} ${cliJs}`;
    expect(git(root, 'config', '--local', 'diff.policy-annotator.textconv').trim()).toBe(`${command} textconv`);
    expect(git(root, 'config', '--local', 'merge.policy-annotator.driver').trim()).toBe(`${command} merge-driver %O %A %B %P`);
    expect(git(root, 'check-attr', 'diff', 'merge', '--', SIDECAR, 'annotations/entities.yaml')).toBe(
      [`${SIDECAR}: diff: policy-annotator`, `${SIDECAR}: merge: policy-annotator`, 'annotations/entities.yaml: diff: unspecified', 'annotations/entities.yaml: merge: unspecified', ''].join('\n'),
    );

    const second = node(root, 'git-setup', '--json');
    expect(second.status).toBe(0);
    expect(JSON.parse(second.stdout).results.map((r: { outcome: string }) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(readFileSync(join(root, '.gitattributes'), 'utf8')).toBe(attributes);
    expect(node(root, 'git-setup', '--check').status).toBe(0);
  });

  it('--check reports what is missing without changing anything, and --command is used as given', async () => {
    const root = tempRepo([]);
    const check = await cli(root, 'git-setup', '--check', '--command', 'npx policy-annotator');
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/^missing +\.gitattributes\nmissing +diff\.policy-annotator\.textconv = npx policy-annotator textconv\n/);
    expect(() => readFileSync(join(root, '.gitattributes'))).toThrow();
    const set = await cli(root, 'git-setup', '--command', 'npx policy-annotator');
    expect(set.code).toBe(0);
    expect(git(root, 'config', 'merge.policy-annotator.driver').trim()).toBe('npx policy-annotator merge-driver %O %A %B %P');
  });

  it('refuses outside a git repository and without a command it can tell', async () => {
    expect((await cli(join(__dirname), 'git-setup', '--root', '/')).code).toBe(1);
    const root = tempRepo([]);
    const inProcess = await cli(root, 'git-setup');
    expect(inProcess.code).toBe(2);
    expect(inProcess.err).toMatch(/cannot tell how git should run this CLI .*pass --command/);
  });
});
