import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { mergeSidecarTexts } from '../../core/gitIntegration/mergeSidecars';
import { nodeFileSystem } from '../../core/ports/nodeFileSystem';
import { CliCommand, UsageError } from '../command';
import { parseOptions } from '../options';

export const mergeDriverCommand: CliCommand = {
  name: 'merge-driver',
  summary: 'three-way merge of a sidecar by annotation id (git merge driver)',
  usage: [
    'Usage: policy-annotator merge-driver BASE OURS THEIRS [PATH]',
    '',
    "Git's merge driver for sidecars (configured by `policy-annotator git-setup` as",
    "'merge-driver %O %A %B %P'). Merges by annotation id: annotations added, changed or removed on",
    'different sides all survive, and the result is written to OURS keeping its comments and layout.',
    'An annotation changed differently on both sides keeps our version, marked',
    '`review: {status: conflict, reason: ...}` with their version described: the file stays valid YAML,',
    '`policy-annotator validate` reports it with its line, and the editor lists it under Needs review.',
    'If a version cannot be read as a sidecar, OURS is left exactly as git gave it.',
    '',
    'Exit code: 0 merged cleanly; 1 conflicts (marked for review) or no merge possible; 2 on bad usage.',
  ].join('\n'),
  async run(args, io) {
    const { positionals } = parseOptions(args, {});
    if (positionals.length < 3 || positionals.length > 4) throw new UsageError('expected BASE OURS THEIRS and optionally PATH');
    const [baseFile, oursFile, theirsFile] = positionals.slice(0, 3).map((f) => path.resolve(io.cwd, f));
    const name = positionals[3] ?? positionals[1];
    const [base, ours, theirs] = await Promise.all([baseFile, oursFile, theirsFile].map((f) => fsp.readFile(f, 'utf8')));
    const result = mergeSidecarTexts({ base, ours, theirs, path: name });
    if (result.status === 'failed') {
      io.err(
        `policy-annotator merge-driver: ${name}: ${result.reason}\n` +
          `  Your version was left in place, unmerged. Their version: git show :3:${name}; the base: git show :1:${name}.\n` +
          `  Fix the file by hand (or 'git checkout --theirs ${name}'), then 'git add ${name}'.\n`,
      );
      return 1;
    }
    if (result.text !== ours) await nodeFileSystem.writeAtomic(oursFile, result.text);
    if (result.status === 'conflict') {
      const deleted = new Set(result.deletedEdited);
      const both = result.conflicts.filter((id) => !deleted.has(id));
      const count = (ids: readonly string[], what: string) => `${ids.length} annotation${ids.length === 1 ? '' : 's'} ${what} (${ids.join(', ')})`;
      const parts = [both.length ? `${count(both, 'changed on both sides')}: kept ours, theirs described` : '', deleted.size ? `${count(result.deletedEdited, 'deleted on one side and edited on the other')}: kept the edited version` : ''];
      io.err(
        `policy-annotator merge-driver: ${name}: ${parts.filter(Boolean).join('; ')}; each marked 'review: conflict'.\n` +
          `  Run 'policy-annotator validate' to see them, settle each (remove its review entry), then 'git add ${name}'.\n`,
      );
      return 1;
    }
    return 0;
  },
};
