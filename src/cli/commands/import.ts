import { formatProblem } from '../../core/problem';
import { IMPORT_FORMATS, ImportFormat, importAnnotations } from '../../core/services';
import { CliCommand, UsageError } from '../command';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../options';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import W3C Web Annotations or brat standoff annotations into sidecars',
  usage: [
    'Usage: policy-annotator import --format w3c|brat [options] FILE...',
    '',
    'Creates annotations from other tools, anchored on the documents as they are now, and adds them to',
    'the sidecars (created or merged; existing annotations are kept and re-anchored like status --write).',
    '  w3c   W3C Web Annotation JSON: an Annotation, a list, an AnnotationPage or an AnnotationCollection.',
    '        Spans from TextQuoteSelector and TextPositionSelector (code points); the document from',
    "        target.source, matched to a workspace document by path. Bodies in this tool's own export",
    '        shapes become claims, stances and links again; other annotations become notes (body text',
    '        as the note, tagging bodies as tags).',
    '  brat  brat standoff .ann: T lines become claims (type Claim or a claim type such as Causal) or notes',
    '        (other types, kept as a tag); R lines links between them; A lines tags (claimType sets a',
    "        claim's type); N lines entity references or note text; # lines note text. The document is",
    '        --document, else the .txt next to the .ann, else the workspace document with its name.',
    'Each quote is looked for at its position, then anywhere in the document: an approximate match is',
    'imported marked for review; a quote that is missing or matches several places is not imported.',
    'New annotations get new ids; the author is --author, else the one the file names, else git user.name.',
    '',
    'Exit code: 0 when everything was imported; 1 when anything was not (each item listed with its',
    'reason; the rest is still imported unless --dry-run); 2 on bad usage.',
    '',
    'Options:',
    '  --format FORMAT         w3c or brat (required)',
    '  --document PATH         the document every imported annotation belongs to',
    '  --dry-run               report what would be imported; write nothing',
    '  --author NAME           author of the new annotations',
    '  --base-iri IRI          w3c: the base IRI the sources were exported with (stripped before matching)',
    '  --catalogue FILE        brat: entity catalogue for N lines (default: <annotations-dir>/entities.yaml)',
    WORKSPACE_USAGE,
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      ...WORKSPACE_OPTIONS,
      format: { type: 'string' },
      document: { type: 'string' },
      'dry-run': { type: 'boolean' },
      author: { type: 'string' },
      'base-iri': { type: 'string' },
      catalogue: { type: 'string', multiple: true },
    });
    const format = values.format as ImportFormat | undefined;
    if (!format) throw new UsageError('--format is required');
    if (!IMPORT_FORMATS.includes(format)) throw new UsageError(`unknown format '${format}' (one of: ${IMPORT_FORMATS.join(', ')})`);
    if (!positionals.length) throw new UsageError('name at least one FILE to import');
    const result = await importAnnotations({
      ...workspaceFrom(values, io),
      format,
      files: positionals,
      document: values.document,
      dryRun: values['dry-run'],
      author: values.author,
      baseIri: values['base-iri'],
      catalogues: values.catalogue ?? [],
    });
    const { dryRun, imported, documents, failures, warnings } = result;
    for (const p of result.catalogueProblems) io.err(formatProblem(p) + '\n');
    if (values.json) {
      io.out(JSON.stringify({ dryRun, imported, documents, failures, warnings }, null, 2) + '\n');
    } else {
      for (const w of warnings) io.err(`${w.origin}: warning: ${w.reason}\n`);
      for (const f of failures) io.err(`${f.origin}: not imported: ${f.reason}\n`);
      for (const w of documents) io.out(`${w.sidecar}: ${dryRun ? 'would add' : 'added'} ${w.added} annotation${w.added === 1 ? '' : 's'}${w.outcome ? ` (${w.outcome})` : ''}\n`);
      io.out(`${dryRun ? 'would import' : 'imported'} ${imported} annotation${imported === 1 ? '' : 's'}; ${failures.length} not imported\n`);
    }
    return failures.length ? 1 : 0;
  },
};
