import { isMap, isSeq } from 'yaml';
import { formatProblem, Problem } from '../../core/problem';
import { checkReferences } from '../../core/workspace/checkReferences';
import { problemAtPath } from '../../core/yaml/locate';
import { DocumentReport, anchorDocuments } from '../anchorDocuments';
import { CliCommand } from '../command';
import { documentsFromArgs } from '../findSidecars';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../options';
import { readCatalogue } from '../catalogue';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check sidecars against the schema, their documents and each other',
  usage: [
    'Usage: policy-annotator validate [options] [paths...]',
    '',
    'Checks each sidecar: YAML syntax, the schema, duplicate ids, that its document exists, that every',
    'annotation still anchors exactly on its words, and that links and references resolve.',
    'Paths are sidecars, documents or folders; default: every sidecar in the annotations folder.',
    'Exit code: 0 when there are no errors (warnings allowed), 1 on errors, 2 on bad usage.',
    '',
    'Options:',
    WORKSPACE_USAGE,
    '  --catalogue FILE        entity catalogue for reference checks (default: entities.yaml and *.entities.yaml in the annotations folder)',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { ...WORKSPACE_OPTIONS, catalogue: { type: 'string', multiple: true } });
    const ws = workspaceFrom(values, io);
    const documents = await documentsFromArgs(ws, positionals, io.cwd);
    const { reports } = await anchorDocuments(ws, documents);
    const entities = await readCatalogue(ws, values.catalogue ?? [], io.cwd);
    const problems: Problem[] = [...entities.problems];
    for (const report of reports) problems.push(...report.problems, ...anchorProblems(report));
    problems.push(...checkReferences(reports.map((r) => r.loaded), entities.ids));

    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    const annotations = reports.reduce((n, r) => n + (r.loaded.read.sidecar?.annotations.length ?? 0), 0);
    if (values.json) {
      io.out(JSON.stringify({ files: reports.map((r) => r.loaded.name), annotations, errors, warnings, problems }, null, 2) + '\n');
    } else {
      for (const p of problems) io.out(formatProblem(p) + '\n');
      io.out(`${reports.length} sidecar${reports.length === 1 ? '' : 's'}, ${annotations} annotations: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
    }
    return errors ? 1 : 0;
  },
};

/** Anchors that are not exactly where the sidecar says are problems a reviewer must see. */
function anchorProblems(report: DocumentReport): Problem[] {
  const parsed = report.loaded.read.parsed;
  if (!report.anchored || !parsed) return [];
  const seq = isMap(parsed.doc.contents) ? parsed.doc.contents.get('annotations', true) : undefined;
  const indexOf = (id: string) => (isSeq(seq) ? seq.items.findIndex((item) => isMap(item) && item.get('id') === id) : -1);
  const problems: Problem[] = [];
  const original = new Map(report.loaded.read.sidecar!.annotations.map((a) => [a.id, a]));
  for (const outcome of report.anchored.outcomes) {
    const at = (field: string, message: string, severity: Problem['severity'] = 'error') => ({ ...problemAtPath(report.loaded.name, parsed.doc, parsed.lines, `/annotations/${indexOf(outcome.id)}/${field}`, message), severity });
    const before = original.get(outcome.id)!;
    if (before.review) problems.push(at('review', `annotation ${outcome.id} needs review (${before.review.status})${before.review.reason ? ': ' + before.review.reason : ''}`));
    switch (outcome.status) {
      case 'moved': {
        const now = report.anchored.sidecar.annotations.find((a) => a.id === outcome.id)!.anchor;
        problems.push(at('anchor', `annotation ${outcome.id}: its words moved from ${before.anchor.start}-${before.anchor.end} to ${now.start}-${now.end}; run 'policy-annotator status --write' to update`, 'warning'));
        break;
      }
      case 'fuzzy':
        problems.push(at('anchor', `annotation ${outcome.id}: its words changed, "${outcome.was}" now reads "${outcome.now}": needs review`));
        break;
      case 'ambiguous':
        problems.push(at('anchor', `annotation ${outcome.id}: "${before.anchor.exact}" matches several places equally well: needs review`));
        break;
      case 'orphaned':
        problems.push(at('anchor', `annotation ${outcome.id}: "${before.anchor.exact}" is no longer in the document (orphaned, kept): re-attach it by hand`));
        break;
      case 'anchored':
        break;
    }
  }
  return problems;
}
