import { formatProblem } from '../../core/problem';
import { EXPORT_FORMATS, ExportFormat, exportAnnotations } from '../../core/services';
import { CliCommand, UsageError } from '../command';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../options';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export annotations as one YAML file, W3C Web Annotations, CSV, a REFI-QDA project or brat standoff',
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
    '  w3c    W3C Web Annotation Data Model JSON-LD: an AnnotationCollection (or with --array a plain',
    '         array); every annotation carries its own @context; see schemas/w3c-annotation.schema.json',
    '  csv    one row per annotation (RFC 4180, UTF-8, header row) for spreadsheets, R and pandas; cells',
    "         starting with = + - @ tab or CR get a leading ' so spreadsheets do not run them (--keep-formulas)",
    '  qdpx   REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder): texts, codebook, codings, links',
    '  qdc    REFI-QDA codebook only',
    '  brat   a folder (--out DIR) brat opens: <doc>.txt and <doc>.ann per document, and annotation.conf;',
    '         links to other documents or to entities cannot be brat relations and are listed as lost',
    '',
    'Exit code: 0; 1 when a sidecar or document cannot be read (nothing is written); 2 on bad usage.',
    '',
    'Options:',
    '  --format FORMAT         yaml, w3c, csv, qdpx, qdc or brat (required)',
    "  --out FILE              file (brat: folder) to write (required); '-' writes text formats to standard output",
    WORKSPACE_USAGE,
    '                          (--json prints the summary as JSON)',
    '  --catalogue FILE        entity catalogue (repeatable; default: <annotations-dir>/entities.yaml if present)',
    '  --base-iri IRI          w3c: prefix of document and annotation IRIs (default: urn:policy-annotator:)',
    '  --array                 w3c: a plain JSON array of annotations instead of an AnnotationCollection',
    '  --bom                   csv: start with a byte order mark, for Excel',
    '  --keep-formulas         csv: leave cells that start with = + - @ tab or CR as they are',
    '  --project-name NAME     qdpx: the project name (default: Policy Annotator export)',
    '  --include-superseded    keep the versions an adjudication superseded (default: w3c, csv, qdpx, qdc and brat',
    '                          leave them out and say how many; yaml, the full dump, always keeps them)',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      ...WORKSPACE_OPTIONS,
      format: { type: 'string' },
      out: { type: 'string' },
      catalogue: { type: 'string', multiple: true },
      'base-iri': { type: 'string' },
      array: { type: 'boolean' },
      bom: { type: 'boolean' },
      'keep-formulas': { type: 'boolean' },
      'project-name': { type: 'string' },
      'include-superseded': { type: 'boolean' },
    });
    const format = values.format as ExportFormat | undefined;
    if (!format) throw new UsageError('--format is required');
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`unknown format '${format}' (one of: ${EXPORT_FORMATS.join(', ')})`);
    if (!values.out) throw new UsageError('--out is required');
    if (values.out === '-' && format === 'qdpx') throw new UsageError('qdpx is a zip file: give --out a file name');
    if (values.out === '-' && format === 'brat') throw new UsageError('brat is a folder of files: give --out a folder name');
    const toStdout = values.out === '-';
    const result = await exportAnnotations({
      ...workspaceFrom(values, io),
      format,
      out: toStdout ? undefined : values.out,
      paths: positionals,
      catalogues: values.catalogue ?? [],
      baseIri: values['base-iri'],
      array: values.array,
      bom: values.bom,
      keepFormulas: values['keep-formulas'],
      projectName: values['project-name'],
      includeSuperseded: values['include-superseded'],
    });
    for (const p of result.problems) io.err(formatProblem(p) + '\n');
    if (!result.ok) {
      io.err('policy-annotator export: nothing written: fix the sidecars above, or leave them out by naming the paths to export\n');
      return 1;
    }
    if (toStdout) io.out(result.content as string);
    const { documents, annotations, entities, unplaced, lost, superseded } = result;
    const summary = { format, out: values.out, documents, annotations, entities, unplaced, lost, superseded };
    const report = values.json ? JSON.stringify(summary, null, 2) + '\n' : `exported ${annotations} annotation${annotations === 1 ? '' : 's'} from ${documents} document${documents === 1 ? '' : 's'} as ${format} to ${values.out}${supersededNote(superseded.length)}\n`;
    for (const ref of values.json ? [] : unplaced) io.err(`warning: ${ref}: its words are not at its place in the document (needs review): exported without a position${format === 'qdpx' ? ' and without a selection' : ''}\n`);
    for (const what of values.json || format !== 'brat' ? [] : lost.filter((l) => !unplaced.some((u) => l.startsWith(`${u}:`)))) io.err(`warning: ${what}: not exported\n`);
    // With --out -, standard output holds the export: the summary goes to standard error.
    if (values.out === '-') io.err(report);
    else io.out(report);
    return 0;
  },
};

/** "; 2 superseded annotations left out (…)": said whenever an adjudication's replaced versions were not exported. */
export function supersededNote(n: number): string {
  return n ? `; ${n} superseded annotation${n === 1 ? '' : 's'} left out (the curated versions are exported; --include-superseded keeps them)` : '';
}
