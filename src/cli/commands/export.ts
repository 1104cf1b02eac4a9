import * as path from 'node:path';
import type { Entity } from '../../core/entities/types';
import { CorpusDocument, exportCsv, exportQdc, exportQdpx, exportW3c, exportYaml, resolveCorpus } from '../../core/export';
import { nodeFileSystem } from '../../core/ports/nodeFileSystem';
import { formatProblem } from '../../core/problem';
import { anchorDocuments } from '../anchorDocuments';
import { readCatalogue } from '../catalogue';
import { CliCommand, CliIo, UsageError } from '../command';
import { CliWorkspace, documentsFromArgs } from '../findSidecars';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../options';

export const EXPORT_FORMATS = ['yaml', 'w3c', 'csv', 'qdpx', 'qdc'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export annotations as one YAML file, W3C Web Annotations, CSV or a REFI-QDA project',
  usage: [
    'Usage: policy-annotator export --format FORMAT --out FILE [options] [paths...]',
    '',
    'Exports the annotations of the named sidecars, documents or folders (default: every sidecar),',
    're-anchored against the documents as they are now (nothing is written back). Positions count',
    'Unicode code points of the text with any BOM removed and line ends as LF; end is exclusive.',
    'Annotations whose words are no longer in their document (orphaned, ambiguous) keep their quote but',
    'get no position (and no REFI-QDA selection). Output is deterministic: same corpus, same bytes.',
    '',
    'Formats:',
    '  yaml   one file for the corpus: documents, entities, annotations, and for each annotation the',
    '         links that leave it and arrive at it',
    '  w3c    W3C Web Annotation Data Model JSON-LD (an AnnotationCollection); see schemas/w3c-annotation.schema.json',
    '  csv    one row per annotation (RFC 4180, UTF-8, header row) for spreadsheets, R and pandas',
    '  qdpx   REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder): texts, codebook, codings, links',
    '  qdc    REFI-QDA codebook only',
    '',
    'Exit code: 0; 1 when a sidecar or document cannot be read (nothing is written); 2 on bad usage.',
    '',
    'Options:',
    '  --format FORMAT         yaml, w3c, csv, qdpx or qdc (required)',
    "  --out FILE              file to write (required); '-' writes text formats to standard output",
    WORKSPACE_USAGE,
    '                          (--json prints the summary as JSON)',
    '  --catalogue FILE        entity catalogue (repeatable; default: <annotations-dir>/entities.yaml if present)',
    '  --base-iri IRI          w3c: prefix of document and annotation IRIs (default: urn:policy-annotator:)',
    '  --bom                   csv: start with a byte order mark, for Excel',
    '  --project-name NAME     qdpx: the project name (default: Policy Annotator export)',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      ...WORKSPACE_OPTIONS,
      format: { type: 'string' },
      out: { type: 'string' },
      catalogue: { type: 'string', multiple: true },
      'base-iri': { type: 'string' },
      bom: { type: 'boolean' },
      'project-name': { type: 'string' },
    });
    const format = values.format as ExportFormat | undefined;
    if (!format) throw new UsageError('--format is required');
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`unknown format '${format}' (one of: ${EXPORT_FORMATS.join(', ')})`);
    if (!values.out) throw new UsageError('--out is required');
    if (values.out === '-' && format === 'qdpx') throw new UsageError('qdpx is a zip file: give --out a file name');
    if (values['base-iri'] !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(values['base-iri'])) throw new UsageError(`--base-iri '${values['base-iri']}' is not an absolute IRI`);
    const ws = workspaceFrom(values, io);

    const { reports } = await anchorDocuments(ws, await documentsFromArgs(ws, positionals, io.cwd));
    let failed = false;
    const documents: CorpusDocument[] = [];
    for (const r of reports) {
      for (const p of r.problems) if (p.severity === 'warning') io.err(formatProblem(p) + '\n');
      const errors = r.problems.filter((p) => p.severity === 'error');
      if (errors.length || !r.anchored) {
        failed = true;
        for (const p of errors) io.err(formatProblem(p) + '\n');
        continue;
      }
      documents.push({ path: r.documentPath, text: r.anchored.text, sidecar: r.anchored.sidecar });
    }
    if (failed) {
      io.err('policy-annotator export: nothing written: fix the sidecars above, or leave them out by naming the paths to export\n');
      return 1;
    }
    const corpus = { documents, entities: await readEntities(ws, values.catalogue ?? [], io) };
    const resolved = resolveCorpus(corpus);
    const all = resolved.documents.flatMap((d) => d.annotations);
    const unplaced = all.filter((a) => !a.position).map((a) => a.ref);

    let content: string | Uint8Array;
    switch (format) {
      case 'yaml':
        content = exportYaml(corpus);
        break;
      case 'w3c':
        content = exportW3c(corpus, { baseIri: values['base-iri'] });
        break;
      case 'csv':
        content = exportCsv(corpus, { bom: values.bom });
        break;
      case 'qdpx':
        content = exportQdpx(corpus, { projectName: values['project-name'] }).bytes;
        break;
      case 'qdc':
        content = exportQdc(corpus);
        break;
    }
    if (values.out === '-') io.out(content as string);
    else await nodeFileSystem.writeAtomic(path.resolve(io.cwd, values.out), content);

    const summary = { format, out: values.out, documents: documents.length, annotations: all.length, entities: corpus.entities.length, unplaced };
    const report = values.json ? JSON.stringify(summary, null, 2) + '\n' : `exported ${all.length} annotation${all.length === 1 ? '' : 's'} from ${documents.length} document${documents.length === 1 ? '' : 's'} as ${format} to ${values.out}\n`;
    for (const ref of values.json ? [] : unplaced) io.err(`warning: ${ref}: its words are not at its place in the document (needs review): exported without a position${format === 'qdpx' ? ' and without a selection' : ''}\n`);
    // With --out -, standard output holds the export: the summary goes to standard error.
    if (values.out === '-') io.err(report);
    else io.out(report);
    return 0;
  },
};

/** Entities from the named catalogues, or the default ones. Problems are reported, not fatal. */
export async function readEntities(ws: CliWorkspace, files: string[], io: CliIo): Promise<Entity[]> {
  const catalogue = await readCatalogue(ws, files, io.cwd);
  for (const p of catalogue.problems) io.err(formatProblem(p) + '\n');
  return catalogue.entities;
}
