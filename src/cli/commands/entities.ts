// `policy-annotator entities`: lists the entity mentions recognised in documents.
import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildEntityIndex,
  type Entity,
  formatIssue,
  loadCatalogue,
  type Mention,
  scanDocument,
} from '../../core/entities/index';
import { type CliCommand, type CliIo, UsageError } from '../command';
import { normalizeText } from '../../core/anchoring/normalize';
import { catalogueFiles as findCatalogueFiles } from '../../core/services';
import { compromiseCandidateFinder } from '../../core/entities/candidates/compromiseFinder';

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'annotations']);
const CATALOGUE_EXTENSIONS = /\.ya?ml$/i;

const USAGE = [
  'Usage: policy-annotator entities [options] [paths...]',
  '',
  'Lists the entity mentions recognised in plain-text and Markdown documents: names from the',
  'entity catalogue, values (money, percentages, dates and periods, durations, counts) and, with',
  '--candidates, names and acronyms the catalogue does not have yet (found by the NLP library compromise and a capitalisation heuristic).',
  '',
  'Paths are documents or folders. Folders are searched recursively for *.txt, *.md and *.markdown,',
  'skipping node_modules, .git, annotations and hidden folders. Default: the current folder.',
  '',
  'Options:',
  '  --catalogue FILE...   entity catalogue to use; repeat the option, or list several .yaml files',
  '                        after it. Default: annotations/entities.yaml and annotations/*.entities.yaml',
  '                        in the current folder, if present',
  '  --candidates          also list names and acronyms that no catalogue entry covers',
  '  --summary             count mentions per entity across all documents, most frequent first',
  '  --json                print machine-readable JSON',
  '  -h, --help            show this help',
  '',
  'Each mention has its document, start and end offsets, text, entity id, type and source',
  '(catalogue, value or candidate). Offsets count UTF-16 code units of the document with any BOM',
  'removed and line breaks as LF, as annotations do. Values use the ids value:<type>; candidates',
  'candidate:<suggested id>.',
  '',
  'Examples:',
  '  policy-annotator entities seeds/',
  '  policy-annotator entities --summary --candidates',
  '  policy-annotator entities --json --catalogue annotations/entities.yaml extra.yaml report.txt',
  '',
  'Exit code: 0 on success, 1 when a catalogue is invalid or a path cannot be read, 2 on bad usage.',
].join('\n');

interface Options {
  paths: string[];
  catalogues: string[];
  json: boolean;
  summary: boolean;
  candidates: boolean;
}

/** `--catalogue a.yaml b.yaml` is the same as `--catalogue a.yaml --catalogue b.yaml`. */
function parseOptions(args: string[]): Options {
  const expanded: string[] = [];
  for (let i = 0; i < args.length; i++) {
    expanded.push(args[i]);
    if (args[i] !== '--catalogue') continue;
    if (i + 1 < args.length) expanded.push(args[++i]);
    while (i + 1 < args.length && CATALOGUE_EXTENSIONS.test(args[i + 1]) && !args[i + 1].startsWith('-')) expanded.push('--catalogue', args[++i]);
  }
  try {
    const { values, positionals } = parseArgs({
      args: expanded,
      allowPositionals: true,
      strict: true,
      options: {
        catalogue: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        summary: { type: 'boolean' },
        candidates: { type: 'boolean' },
      },
    });
    return {
      paths: positionals,
      catalogues: values.catalogue ?? [],
      json: values.json ?? false,
      summary: values.summary ?? false,
      candidates: values.candidates ?? false,
    };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Shown paths: relative to the current folder, with forward slashes. */
function display(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}

async function documentsUnder(folder: string, out: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await documentsUnder(full, out);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && DOCUMENT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      out.push(full);
    }
  }
}

/** Files named on the command line are taken as they are; folders are searched. */
async function resolveDocuments(cwd: string, paths: string[], error: (line: string) => void): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths.length ? paths : ['.']) {
    const full = path.resolve(cwd, p);
    try {
      const s = await stat(full);
      if (s.isDirectory()) await documentsUnder(full, out);
      else out.push(full);
    } catch {
      error(`${p}:1:1: error: no such file or folder`);
    }
  }
  return [...new Set(out)];
}



interface Found extends Mention {
  document: string;
}

export const entitiesCommand: CliCommand = {
  name: 'entities',
  summary: 'list the people, organisations, places, values and other entities documents mention',
  usage: USAGE,
  async run(args, io) {
    const options = parseOptions(args);
    // "file:line:column: severity: message" lines for stderr; any error stops before scanning.
    const problems: string[] = [];
    let errors = 0;
    const error = (line: string) => {
      problems.push(line);
      errors++;
    };

    const catalogueFiles = await findCatalogueFiles({ root: io.cwd, annotationsFolder: 'annotations' }, options.catalogues, io.cwd);
    const sources = [];
    for (const file of catalogueFiles) {
      try {
        sources.push({ file: display(io.cwd, file), text: await readFile(file, 'utf8') });
      } catch (e) {
        error(`${display(io.cwd, file)}:1:1: error: cannot read the catalogue (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    }
    const loaded = loadCatalogue(sources);
    for (const issue of loaded.issues) {
      if (issue.severity === 'error') error(formatIssue(issue));
      else problems.push(formatIssue(issue));
    }
    const documents = await resolveDocuments(io.cwd, options.paths, error);

    if (problems.length) io.err(problems.join('\n') + '\n');
    if (errors) return 1;
    if (!catalogueFiles.length) io.err('policy-annotator entities: no entity catalogue found; listing values' + (options.candidates ? ' and candidates' : '') + ' only\n');

    const index = buildEntityIndex(loaded.catalogue);
    const found: Found[] = [];
    const names: string[] = [];
    for (const file of documents) {
      const document = display(io.cwd, file);
      let text: string;
      try {
        text = normalizeText(await readFile(file, 'utf8'));
      } catch (e) {
        io.err(`${document}:1:1: error: cannot read the document (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`);
        return 1;
      }
      names.push(document);
      const mentions = scanDocument(text, index, { candidates: options.candidates ? compromiseCandidateFinder : false }).map((m) => ({ document, ...m }));
      found.push(...mentions);
      if (!options.json && !options.summary) printDocument(io, document, text, mentions);
    }

    if (options.summary) printSummary(io, options.json, names, found, index.entity);
    else if (options.json) io.out(JSON.stringify({ documents: names, mentions: found.map(jsonMention) }, null, 2) + '\n');
    else io.out(`${names.length} document${names.length === 1 ? '' : 's'}, ${found.length} mention${found.length === 1 ? '' : 's'}\n`);
    return 0;
  },
};

function jsonMention(m: Found) {
  return { document: m.document, start: m.start, end: m.end, text: m.text, entityId: m.entityId, type: m.type, source: m.source };
}

/** One block per document: line:column, offsets, source, type, entity id and the text as written. */
function printDocument(io: CliIo, document: string, text: string, mentions: readonly Found[]): void {
  io.out(`${document}\n`);
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const m of mentions) {
    for (; scanned < m.start; scanned++) {
      if (text.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    const where = `${line}:${m.start - lineStart + 1}`.padEnd(8);
    const offsets = `${m.start}-${m.end}`.padEnd(12);
    io.out(`  ${where} ${offsets} ${m.source.padEnd(9)} ${m.type.padEnd(12)} ${m.entityId.padEnd(32)} ${JSON.stringify(m.text)}\n`);
  }
  if (!mentions.length) io.out('  (no mentions)\n');
}

function printSummary(io: CliIo, json: boolean, documents: string[], found: readonly Found[], entity: (id: string) => Entity | undefined): void {
  const rows = new Map<string, { entityId: string; name?: string; type: string; source: string; count: number; documents: Set<string> }>();
  for (const m of found) {
    let row = rows.get(m.entityId);
    if (!row) {
      row = { entityId: m.entityId, type: m.type, source: m.source, count: 0, documents: new Set() };
      const name = m.source === 'catalogue' ? entity(m.entityId)?.name : undefined;
      if (name !== undefined) row.name = name;
      rows.set(m.entityId, row);
    }
    row.count++;
    row.documents.add(m.document);
  }
  const sorted = [...rows.values()].sort((a, b) => b.count - a.count || (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0));
  if (json) {
    const summary = sorted.map((r) => ({ ...r, documents: r.documents.size }));
    io.out(JSON.stringify({ documents, mentions: found.length, summary }, null, 2) + '\n');
    return;
  }
  io.out(`${'count'.padStart(5)}  ${'docs'.padStart(4)}  ${'source'.padEnd(9)}  ${'type'.padEnd(12)}  entity\n`);
  for (const r of sorted) {
    io.out(`${String(r.count).padStart(5)}  ${String(r.documents.size).padStart(4)}  ${r.source.padEnd(9)}  ${r.type.padEnd(12)}  ${r.entityId}${r.name ? `  (${r.name})` : ''}\n`);
  }
  io.out(`${documents.length} document${documents.length === 1 ? '' : 's'}, ${found.length} mention${found.length === 1 ? '' : 's'}, ${rows.size} entit${rows.size === 1 ? 'y' : 'ies'}\n`);
}
