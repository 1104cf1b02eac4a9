import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { renderSidecarForReview } from '../../core/gitIntegration/textconv';
import { CliCommand, UsageError } from '../command';
import { parseOptions } from '../options';

export const textconvCommand: CliCommand = {
  name: 'textconv',
  summary: 'render a sidecar as readable text (git diff textconv)',
  usage: [
    'Usage: policy-annotator textconv FILE',
    '',
    'Prints a sidecar as one block per annotation (kind and id, the quoted words, its place, then one',
    'field per line), so that `git diff` and `git log -p` on the annotations folder read like a review.',
    "Git runs it through the 'policy-annotator' diff driver that `policy-annotator git-setup` configures.",
    'A file that is not a readable sidecar is printed as it is, under a one-line note saying why.',
    '',
    'Exit code: 0; 1 when FILE cannot be read; 2 on bad usage.',
  ].join('\n'),
  async run(args, io) {
    const { positionals } = parseOptions(args, {});
    if (positionals.length !== 1) throw new UsageError('expected exactly one FILE');
    const text = await fsp.readFile(path.resolve(io.cwd, positionals[0]), 'utf8');
    io.out(renderSidecarForReview(text, positionals[0]));
    return 0;
  },
};
