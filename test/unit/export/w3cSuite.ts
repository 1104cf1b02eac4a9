import Ajv, { ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The W3C Web Annotation test suite (vendored in test/fixtures/standards, see its README) as a
// validator. Its assertion files are JSON Schema draft-04; each gets an id under one base IRI, named by
// its file name alone, so the relative `$ref`s between assertions and `definitions/` resolve together.
// `mustFailures` runs every assertion a `*Musts.test` file lists and returns the ones that fail.

export const SUITE = join(__dirname, '..', '..', 'fixtures', 'standards', 'w3c-web-annotation-tests');
const BASE = 'https://w3c.github.io/web-annotation-tests/';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.json') ? [path] : [];
  });
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function validator(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ allErrors: false, strict: false, validateSchema: false });
  addFormats(ajv);
  // The definitions, and the assertions the three MUST lists name (their $refs point at definitions only).
  const lists: MustList[] = ['annotations/annotationMusts.test', 'collections/collectionMusts.test', 'collections/pages/pageMusts.test'];
  const paths = [...files(join(SUITE, 'definitions')), ...lists.flatMap((l) => mustAssertions(l).map((a) => join(SUITE, a)))];
  const seen = new Set<string>();
  for (const file of paths) {
    const name = file.split('/').pop()!;
    if (seen.has(name)) throw new Error(`two suite files named ${name}`);
    seen.add(name);
    ajv.addSchema({ ...JSON.parse(readFileSync(file, 'utf8')), id: BASE + name }, BASE + name);
  }
  return ajv;
}

export type MustList = 'annotations/annotationMusts.test' | 'collections/collectionMusts.test' | 'collections/pages/pageMusts.test';

export function mustAssertions(list: MustList): string[] {
  return JSON.parse(readFileSync(join(SUITE, list), 'utf8')).assertions as string[];
}

/** The assertions of the list that the document fails, each with the suite's own error message. */
export function mustFailures(list: MustList, doc: unknown): string[] {
  const v = validator();
  const failures: string[] = [];
  for (const assertion of mustAssertions(list)) {
    const name = assertion.split('/').pop()!;
    let fn = compiled.get(name);
    if (!fn) {
      fn = v.getSchema(BASE + name);
      if (!fn) throw new Error(`suite assertion ${assertion} not found`);
      compiled.set(name, fn);
    }
    if (!fn(doc)) {
      const schema = fn.schema as { errorMessage?: string };
      failures.push(`${name}: ${schema.errorMessage ?? 'fails'}`);
    }
  }
  return failures;
}

/** The suite's sample files: `text` as stored (many incorrect ones are not JSON at all), `json` when it parses. */
export function samples(kind: 'correct' | 'incorrect'): Array<{ name: string; text: string; json: unknown }> {
  const dir = join(SUITE, 'tools', 'samples', kind);
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { name: relative(SUITE, join(dir, name)), text, json };
    });
}
