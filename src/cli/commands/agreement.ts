import { AGREEMENT_FIELDS, AGREEMENT_FORMATS, AgreementField, AgreementFormat, renderAgreement } from '../../core/agreement';
import { ANNOTATION_KINDS, AnnotationKind } from '../../core/model';
import { formatProblem } from '../../core/problem';
import { measureAgreement } from '../../core/services';
import { CliCommand, UsageError } from '../command';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../options';

export const agreementCommand: CliCommand = {
  name: 'agreement',
  summary: 'inter-annotator agreement: units, fields, and the list of disagreements',
  usage: [
    'Usage: policy-annotator agreement [options] [REV... | DIR...]',
    '',
    'Measures how alike annotators annotate. Annotators are:',
    '  no argument     the distinct `author` values in this workspace',
    '  REV REV...      revisions or branches (read through git), one annotator each',
    '  DIR DIR...      folders on disk (a workspace folder or an annotations folder), one annotator each',
    '  --by author     the authors inside one REV or DIR (the default with no argument)',
    'Units: annotations of the same kind and document by different annotators, matched by span: exact',
    'span first, then the best IoU (overlap / union) of at least --iou, one-to-one.',
    "Reports precision/recall/F1 of units per pair and a character-level α per kind; per field",
    "Krippendorff's α (nominal, missing data allowed), Cohen's κ per pair, Fleiss' κ, confusion",
    'matrices (markdown, json), and every disagreement with its place.',
    '',
    'Exit code: 0; 1 when a sidecar cannot be read (it is left out, and named); 2 on bad usage.',
    '',
    'Options:',
    '  --by author             one annotator per author value',
    `  --kind KIND             only this kind (repeatable): ${ANNOTATION_KINDS.join(', ')}`,
    `  --field FIELD           only this field (repeatable): ${AGREEMENT_FIELDS.join(', ')}`,
    '  --format FORMAT         text (default), markdown or json',
    '  --iou N                 the IoU two spans need to be one unit (default 0.5)',
    WORKSPACE_USAGE,
    '                          (--json is the same as --format json)',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      ...WORKSPACE_OPTIONS,
      by: { type: 'string' },
      kind: { type: 'string', multiple: true },
      field: { type: 'string', multiple: true },
      format: { type: 'string' },
      iou: { type: 'string' },
    });
    const format = (values.json ? 'json' : (values.format ?? 'text')) as AgreementFormat;
    if (!AGREEMENT_FORMATS.includes(format)) throw new UsageError(`unknown format '${values.format}' (one of: ${AGREEMENT_FORMATS.join(', ')})`);
    if (values.by !== undefined && values.by !== 'author') throw new UsageError(`--by takes 'author', not '${values.by}'`);
    const kinds = checkList(values.kind, ANNOTATION_KINDS, 'kind') as AnnotationKind[] | undefined;
    const fields = checkList(values.field, AGREEMENT_FIELDS, 'field') as AgreementField[] | undefined;
    const iou = values.iou === undefined ? undefined : Number(values.iou);
    const ws = workspaceFrom(values, io);
    const { report, texts, problems } = await measureAgreement({ ...ws, cwd: io.cwd, sources: positionals, byAuthor: values.by === 'author', kinds, fields, iou });
    for (const p of problems) io.err(formatProblem(p) + '\n');
    const names = report.annotators;
    if (names.length < 2) throw new UsageError(`agreement needs two or more annotators; found ${names.length}${names.length ? ` (${names[0]})` : ''}`);
    io.out(renderAgreement(report, format, { locate: (document, start) => locate(document, start, texts.get(document), format) }));
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
};

function checkList(given: string[] | undefined, allowed: readonly string[], what: string): string[] | undefined {
  for (const g of given ?? []) if (!allowed.includes(g)) throw new UsageError(`unknown ${what} '${g}' (one of: ${allowed.join(', ')})`);
  return given?.length ? given : undefined;
}

function locate(document: string, start: number, text: string | undefined, format: AgreementFormat): string {
  if (text === undefined) return format === 'markdown' ? document : `${document}@${start}`;
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  const column = start - before.lastIndexOf('\n');
  return format === 'markdown' ? `${document}#L${line}` : `${document}:${line}:${column}`;
}
