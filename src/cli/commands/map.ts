import * as path from 'node:path';
import { nodeFileSystem } from '../../core/ports/nodeFileSystem';
import { nodeLister } from '../../core/ports/nodeDirectoryLister';
import { formatProblem } from '../../core/problem';
import { readCatalogue } from '../../core/services';
import { buildStanceMap, renderStanceMapMarkdown, renderStanceMapSvg } from '../../core/stanceMap';
import { WorkspaceIndex } from '../../core/workspace/workspaceIndex';
import { CliCommand, UsageError } from '../command';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS } from '../options';

export const MAP_FORMATS = ['svg', 'markdown', 'json'] as const;
const MODES = ['grid', 'timeline'] as const;

export const mapCommand: CliCommand = {
  name: 'map',
  summary: 'the stance map: who supports and who opposes each topic, document by document, in date order',
  usage: [
    'Usage: policy-annotator map [--format svg|markdown|json] [--mode grid|timeline] [--out FILE] [filters]',
    '',
    'Rows are the stance targets (topics, then entities, then claims); columns are the documents in',
    'order of their metadata date (`published`; undated last). Each cell is the holders’ polarity:',
    'support, oppose, neutral, or mixed when holders disagree, with the number of stances.',
    '',
    'Options:',
    '  --format FORMAT         svg (default), markdown or json',
    '  --mode MODE             svg: grid (default) or timeline (each document at its date)',
    "  --out FILE              file to write (default '-': standard output)",
    '  --author NAME           only stances recorded by this annotator (repeatable)',
    '  --holder PARTY          only stances held by this party: author, an entity id, party:<words> (repeatable)',
    '  --tag TAG               only stances with this tag (repeatable)',
    '  --catalogue FILE        entity catalogue for entity names (repeatable; default: <annotations-dir>/entities.yaml)',
    '  --root DIR              workspace folder (default: the current folder)',
    '  --annotations-dir DIR   sidecar folder, relative to the root (default: annotations)',
    '',
    'Exit code: 0; 2 on bad usage.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      root: WORKSPACE_OPTIONS.root,
      'annotations-dir': WORKSPACE_OPTIONS['annotations-dir'],
      format: { type: 'string', default: 'svg' },
      mode: { type: 'string', default: 'grid' },
      out: { type: 'string', default: '-' },
      author: { type: 'string', multiple: true },
      holder: { type: 'string', multiple: true },
      tag: { type: 'string', multiple: true },
      catalogue: { type: 'string', multiple: true },
    });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}': the map covers the whole workspace (use filters)`);
    const format = values.format as (typeof MAP_FORMATS)[number];
    if (!MAP_FORMATS.includes(format)) throw new UsageError(`unknown format '${values.format}' (one of: ${MAP_FORMATS.join(', ')})`);
    const mode = values.mode as (typeof MODES)[number];
    if (!MODES.includes(mode)) throw new UsageError(`unknown mode '${values.mode}' (one of: ${MODES.join(', ')})`);
    const ws = workspaceFrom(values, io);

    const index = new WorkspaceIndex({ fs: nodeFileSystem, lister: nodeLister, root: ws.root, annotationsFolder: ws.annotationsFolder });
    await index.load();
    // Catalogue problems are reported, not fatal: entity ids then show as they are.
    const catalogue = await readCatalogue(ws, values.catalogue ?? [], io.cwd);
    for (const p of catalogue.problems) io.err(formatProblem(p) + '\n');
    const names = new Map(catalogue.entities.map((e) => [e.id, e.name]));
    const map = buildStanceMap({
      documents: index.documents(),
      filters: { authors: values.author, holders: values.holder, tags: values.tag },
      entityName: (id) => names.get(id),
    });
    const content = format === 'json' ? JSON.stringify(map, null, 2) + '\n' : format === 'markdown' ? renderStanceMapMarkdown(map) : renderStanceMapSvg(map, { mode });
    if (values.out === '-') io.out(content);
    else {
      await nodeFileSystem.writeAtomic(path.resolve(io.cwd, values.out), content);
      io.out(`stance map: ${map.totals.rows} targets × ${map.totals.documents} documents, ${map.totals.cells} cells, ${map.totals.stances} stances, written as ${format} to ${values.out}\n`);
    }
    return 0;
  },
};
