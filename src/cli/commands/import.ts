import { formatProblem } from '../../core/problem';
import { IMPORT_FORMATS, ImportFormat, importAnnotations } from '../../core/services';
import { CliCommand, UsageError } from '../command';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../options';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import W3C Web Annotations, brat standoff or a REFI-QDA project into sidecars',
  usage: [
    'Usage: policy-annotator import --format w3c|brat|qdpx [options] FILE...',
    '',
    'Creates annotations from other tools, anchored on the documents as they are now, and adds them to',
    'the sidecars (created or merged; existing annotations are kept and re-anchored like status --write).',
    '  w3c   W3C Web Annotation JSON: an Annotation, a list, an AnnotationPage or an AnnotationCollection,',
    "        checked against the model's MUSTs first. Spans from TextQuoteSelector and TextPositionSelector",
    '        (code points; also when they refine a FragmentSelector); the document from target.source,',
    "        matched by path; creator as an IRI, an agent or a list. Bodies in this tool's own export shapes",
    '        become claims, stances and links again; others become notes (body text as the note, tags).',
    '  brat  brat standoff .ann: T lines become claims (type Claim or a claim type such as Causal), stances',
    '        (Stance) or notes (other types, kept as a tag); R lines of any type links (--relation-map, a',
    '        relation of ours by name, else relates-to with a relation:<type> tag); E lines an annotation on',
    '        the trigger with a role:<role> link per argument; * lines same-as links; A/M lines tags on any',
    "        item (claimType, polarity, Tag); N lines speakers, holders or entity tags; # lines note text.",
    '        The document is --document, else the .txt next to the .ann, else the workspace document of that name.',
    '  qdpx  REFI-QDA project (.qdpx, or a .qde with inline texts): text sources matched to documents by name',
    "        or content (--add-documents DIR adds the rest); this tool's codes become kinds and terms again,",
    '        other codes tags by their path; users authors; memos notes; links links. Other source types are listed.',
    'Files over 50 MB, not UTF-8, JSON deeper than 64 levels, or a .qdpx with unsafe entries, a zip bomb,',
    'a DOCTYPE or malformed XML are refused with where and what, before anything is written.',
    'Each quote is looked for at its position, then anywhere in the document: an approximate match is',
    'imported marked for review; a quote that is missing or matches several places is not imported.',
    'New annotations get new ids; the author is --author, else the one the file names, else git user.name.',
    '',
    'Exit code: 0 when everything was imported; 1 when anything was not (each item listed with its',
    'reason; the rest is still imported unless --dry-run); 2 on bad usage.',
    '',
    'Options:',
    '  --format FORMAT         w3c, brat or qdpx (required)',
    '  --document PATH         the document every imported annotation belongs to',
    '  --dry-run               report what would be imported; write nothing',
    '  --author NAME           author of the new annotations',
    '  --base-iri IRI          w3c: the base IRI the sources were exported with (stripped before matching)',
    '  --catalogue FILE        brat: entity catalogue for N lines (default: <annotations-dir>/entities.yaml)',
    '  --relation-map FILE     brat: YAML or JSON mapping brat relation types to ours (e.g. Origin: elaborates)',
    '  --add-documents DIR     qdpx: add text sources that match no document as new documents in DIR',
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
      'relation-map': { type: 'string' },
      'add-documents': { type: 'string' },
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
      relationMap: values['relation-map'],
      addDocumentsTo: values['add-documents'],
    });
    const { dryRun, imported, documents, failures, warnings, messages, items, addedDocuments } = result;
    for (const p of result.catalogueProblems) io.err(formatProblem(p) + '\n');
    if (values.json) {
      io.out(JSON.stringify({ dryRun, imported, documents, addedDocuments, items, failures, warnings }, null, 2) + '\n');
    } else {
      // One message per item, in file and line order.
      for (const m of messages) io.err(`${m.origin}: ${m.severity === 'warning' ? 'warning' : 'not imported'}: ${m.reason}\n`);
      for (const d of addedDocuments) io.out(`${d}: ${dryRun ? 'would add' : 'added'} the document\n`);
      for (const w of documents) io.out(`${w.sidecar}: ${dryRun ? 'would add' : 'added'} ${w.added} annotation${w.added === 1 ? '' : 's'}${w.outcome ? ` (${w.outcome})` : ''}\n`);
      io.out(`${dryRun ? 'would import' : 'imported'} ${imported} annotation${imported === 1 ? '' : 's'}; ${failures.length} not imported\n`);
    }
    return failures.length ? 1 : 0;
  },
};
