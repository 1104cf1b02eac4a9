import { formatProblem } from '../../core/problem';
import { validateSidecars } from '../../core/services';
import { CliCommand } from '../command';
import { parseOptions, workspaceFrom, WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../options';

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
    const result = await validateSidecars({ ...workspaceFrom(values, io), paths: positionals, catalogues: values.catalogue ?? [] });
    const { files, annotations, errors, warnings, problems } = result;
    if (values.json) {
      io.out(JSON.stringify(result, null, 2) + '\n');
    } else {
      for (const p of problems) io.out(formatProblem(p) + '\n');
      io.out(`${files.length} sidecar${files.length === 1 ? '' : 's'}, ${annotations} annotations: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
    }
    return errors ? 1 : 0;
  },
};
