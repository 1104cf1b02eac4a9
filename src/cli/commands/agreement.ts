import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { AGREEMENT_FIELDS, AGREEMENT_FORMATS, AgreementField, AgreementFormat, annotatorsByAuthor, annotatorsFromFolders, annotatorsFromRevisions, AnnotatorSources, computeAgreement, readSidecarFolder, renderAgreement, sidecarRootOf } from '../../core/agreement';
import { resolveCommit, sidecarsAtRevision } from '../../core/gitIntegration/revisionSidecars';
import { normalizeText } from '../../core/anchoring/normalize';
import { ANNOTATION_KINDS, AnnotationKind, Sidecar } from '../../core/model';
import { nodeLister } from '../../core/ports/nodeDirectoryLister';
import { nodeFileSystem } from '../../core/ports/nodeFileSystem';
import { formatProblem, Problem } from '../../core/problem';
import { readUntrusted } from '../../core/store/sidecarStore';
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
    if (iou !== undefined && !(iou > 0 && iou <= 1)) throw new UsageError(`--iou must be a number above 0 and at most 1, not '${values.iou}'`);
    const byAuthor = values.by === 'author' || !positionals.length;
    if (byAuthor && positionals.length > 1) throw new UsageError('--by author reads one revision or folder; name one, or leave --by out for one annotator each');
    if (!byAuthor && positionals.length < 2) throw new UsageError('name two or more revisions or folders (one annotator each), or none for the authors in this workspace');
    const ws = workspaceFrom(values, io);

    const sources = await gather(ws.root, ws.annotationsFolder, positionals, byAuthor, io.cwd);
    if (sources.annotators.length < 2) throw new UsageError(`agreement needs two or more annotators; found ${sources.annotators.length}${sources.annotators.length ? ` (${sources.annotators[0].name})` : ''}`);
    const texts = await documentTexts(ws.root, sources);
    const report = computeAgreement(sources.annotators, { kinds, fields, iouThreshold: iou, curated: sources.curated, documentLength: (d) => texts.get(d)?.length });
    for (const p of sources.problems) io.err(formatProblem(p) + '\n');
    io.out(renderAgreement(report, format, { locate: (document, start) => locate(document, start, texts.get(document), format) }));
    return sources.problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
};

function checkList(given: string[] | undefined, allowed: readonly string[], what: string): string[] | undefined {
  for (const g of given ?? []) if (!allowed.includes(g)) throw new UsageError(`unknown ${what} '${g}' (one of: ${allowed.join(', ')})`);
  return given?.length ? given : undefined;
}

async function isFolder(p: string): Promise<boolean> {
  return !!(await fsp.stat(p).catch(() => undefined))?.isDirectory();
}

async function gather(root: string, annotationsFolder: string, positionals: string[], byAuthor: boolean, cwd: string): Promise<AnnotatorSources> {
  const folders = await Promise.all(positionals.map((p) => isFolder(path.resolve(cwd, p))));
  if (folders.some((f) => f) && folders.some((f) => !f)) throw new UsageError(`give revisions or folders, not both (${positionals.filter((_, i) => !folders[i]).join(', ')} is not a folder)`);
  const asFolders = folders.length > 0 && folders.every((f) => f);
  if (!byAuthor) {
    if (asFolders) return annotatorsFromFolders(nodeFileSystem, nodeLister, positionals.map((p) => path.resolve(cwd, p)), annotationsFolder);
    try {
      return await annotatorsFromRevisions(root, positionals, annotationsFolder);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const problems: Problem[] = [];
  let sidecars: Sidecar[];
  if (!positionals.length || asFolders) {
    const folder = positionals.length ? path.resolve(cwd, positionals[0]) : root;
    sidecars = await readSidecarFolder(nodeFileSystem, nodeLister, await sidecarRootOf(nodeFileSystem, folder, annotationsFolder), positionals[0] ?? annotationsFolder, problems);
  } else {
    const { commit, error } = await resolveCommit(root, positionals[0]);
    if (!commit) throw new UsageError(error ?? `cannot resolve ${positionals[0]}`);
    sidecars = [];
    for (const s of await sidecarsAtRevision(root, commit, annotationsFolder)) {
      const read = readUntrusted(s.text, `${positionals[0]}:${s.file}`);
      if (read.sidecar && !read.problems.some((p) => p.severity === 'error')) sidecars.push(read.sidecar);
      else problems.push(...read.problems);
    }
  }
  return annotatorsByAuthor(sidecars, problems);
}

/** The documents' texts in the working tree, for character-level α and line numbers. */
async function documentTexts(root: string, sources: AnnotatorSources): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const document of new Set(sources.annotators.flatMap((a) => a.sidecars.map((s) => s.document)))) {
    const text = await fsp.readFile(path.join(root, ...document.split('/')), 'utf8').catch(() => undefined);
    if (text !== undefined) out.set(document, normalizeText(text));
  }
  return out;
}

function locate(document: string, start: number, text: string | undefined, format: AgreementFormat): string {
  if (text === undefined) return format === 'markdown' ? document : `${document}@${start}`;
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  const column = start - before.lastIndexOf('\n');
  return format === 'markdown' ? `${document}#L${line}` : `${document}:${line}:${column}`;
}
