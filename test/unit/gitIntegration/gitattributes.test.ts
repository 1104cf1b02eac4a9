import { describe, expect, it } from 'vitest';
import { attributeLines, checkAttributesFolder, updateGitattributes } from '../../../src/core/gitIntegration/gitattributes';
import { cliCommand, gitConfigEntries, shellQuote } from '../../../src/core/gitIntegration/gitConfig';

describe('.gitattributes block', () => {
  it('is appended once, then replaced in place, keeping the other lines and the line ends', () => {
    const first = updateGitattributes('*.png binary\r\n', 'annotations');
    expect(first.changed).toBe(true);
    expect(first.text).toBe(['*.png binary', '', ...attributeLines('annotations'), ''].join('\r\n'));
    expect(updateGitattributes(first.text, 'annotations')).toEqual({ text: first.text, changed: false });
    const moved = updateGitattributes(first.text + '*.pdf binary\r\n', 'notes/sidecars/');
    expect(moved.text).toBe(['*.png binary', '', ...attributeLines('notes/sidecars'), '*.pdf binary', ''].join('\r\n'));
    expect(updateGitattributes(undefined, 'annotations').text).toBe(attributeLines('annotations').join('\n') + '\n');
  });

  it('refuses folders a pattern cannot hold', () => {
    expect(checkAttributesFolder('annotations')).toBeUndefined();
    expect(checkAttributesFolder('./my annotations')).toMatch(/spaces, quotes or glob characters/);
    expect(checkAttributesFolder('a*')).toMatch(/glob characters/);
    expect(checkAttributesFolder('.')).toMatch(/sub-folder/);
    expect(checkAttributesFolder('../elsewhere')).toMatch(/inside the workspace/);
  });
});

describe('git config entries', () => {
  it('quote words for the shell git runs them with', () => {
    expect(shellQuote('/usr/bin/node')).toBe('/usr/bin/node');
    expect(shellQuote("/home/o'neil/My Tools/cli.js")).toBe(`'/home/o'\\''neil/My Tools/cli.js'`);
    expect(gitConfigEntries('pa')).toEqual([
      ['diff.policy-annotator.textconv', 'pa textconv'],
      ['merge.policy-annotator.name', 'Policy Annotator: three-way merge of annotation sidecars by annotation id'],
      ['merge.policy-annotator.driver', 'pa merge-driver %O %A %B %P'],
    ]);
  });

  it('name the CLI by PATH only when PATH finds the very file that runs', () => {
    const installed = { script: '/usr/local/bin/policy-annotator', realScript: '/usr/local/lib/node_modules/policy-annotator/dist/cli.js', node: '/usr/bin/node' };
    expect(cliCommand({ ...installed, onPath: installed.realScript })).toBe('policy-annotator');
    expect(cliCommand({ ...installed, onPath: '/other/cli.js' })).toBe('/usr/bin/node /usr/local/lib/node_modules/policy-annotator/dist/cli.js');
    expect(cliCommand({ script: '/repo/dist/cli.js', realScript: '/repo/dist/cli.js', node: '/opt/node 20/bin/node' })).toBe(`'/opt/node 20/bin/node' /repo/dist/cli.js`);
  });
});
