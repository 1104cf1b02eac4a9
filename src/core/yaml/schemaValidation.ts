import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { Document, LineCounter } from 'yaml';
import { Problem } from '../problem';
import { problemAtPath } from './locate';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export interface CompiledSchema {
  /** The problems of `value`, located in the YAML source. */
  (doc: Document, lines: LineCounter, value: unknown, file: string): Problem[];
  /** Whether `value` is valid, without a Document: locating is only needed when it is not. */
  isValid(value: unknown): boolean;
}

/** Compiles a JSON Schema once; validation errors come back located in the YAML source. */
export function compileSchema(schema: object): CompiledSchema {
  let validate: ValidateFunction | undefined;
  const compiled = (): ValidateFunction => {
    if (!validate) {
      const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
      ajv.addFormat('date-time', DATE_TIME);
      ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
      validate = ajv.compile(schema);
    }
    return validate;
  };
  const check = (doc: Document, lines: LineCounter, value: unknown, file: string): Problem[] => {
    const v = compiled();
    if (v(value)) return [];
    return (v.errors ?? []).filter(isUseful).map((e) => toProblem(e, doc, lines, file));
  };
  return Object.assign(check, { isValid: (value: unknown) => compiled()(value) as boolean });
}

// if/then wrappers add "must match then schema" on top of the real error.
function isUseful(e: ErrorObject): boolean {
  return e.keyword !== 'if';
}

function toProblem(e: ErrorObject, doc: Document, lines: LineCounter, file: string): Problem {
  const where = e.instancePath || '/';
  switch (e.keyword) {
    case 'required':
      return problemAtPath(file, doc, lines, e.instancePath, `missing property '${e.params.missingProperty}' in ${describe(where)}`, true);
    case 'additionalProperties':
      return problemAtPath(file, doc, lines, `${e.instancePath}/${e.params.additionalProperty}`, `unknown property '${e.params.additionalProperty}' in ${describe(where)}`, true);
    case 'enum':
      return problemAtPath(file, doc, lines, e.instancePath, `${describe(where)} must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}`);
    case 'const':
      return problemAtPath(file, doc, lines, e.instancePath, `${describe(where)} must be '${e.params.allowedValue}'`);
    case 'pattern': {
      // A pattern says little to a person; the schema's description says what is expected.
      const description = (e.parentSchema as { description?: string } | undefined)?.description;
      if (description) return problemAtPath(file, doc, lines, e.instancePath, `${describe(where)} '${String(e.data)}' must be ${description.replace(/\.$/, '')}`);
      return problemAtPath(file, doc, lines, e.instancePath, `${describe(where)} ${e.message ?? 'is invalid'}`);
    }
    default:
      return problemAtPath(file, doc, lines, e.instancePath, `${describe(where)} ${e.message ?? 'is invalid'}`);
  }
}

function describe(pointer: string): string {
  return pointer === '/' || pointer === '' ? 'the file' : pointer.slice(1).replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
}
