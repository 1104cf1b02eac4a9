// Fuzz: the sidecar reader and the catalogue loader get thousands of generated and mutated files
// (valid files with lines deleted, duplicated or swapped, values swapped for other types, keys
// duplicated, tags, anchors, conflict markers, random bytes, truncation, CRLF and BOM), plus random
// YAML and random text. They must never throw, must say where and what is wrong whenever they refuse,
// and must never accept a file an independent check rejects: the `yaml` package parsing on its own,
// ajv with the JSON Schemas shipped in schemas/, and the invariants the schema cannot state. What
// the reader accepts must also come back unchanged through the writer. PA_FUZZ_RUNS scales the runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { canonicalJson } from '../../../src/core/canonicalJson';
import { loadCatalogue } from '../../../src/core/entities';
import { ENTITY_TYPES } from '../../../src/core/entities/types';
import { ANNOTATION_KINDS, CLAIM_TYPES, LINK_RELATIONS, POLARITIES, REVIEW_STATUSES, Sidecar } from '../../../src/core/model';
import { findDeepNesting } from '../../../src/core/safety/yamlDepth';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { writeSidecar } from '../../../src/core/store/writeSidecar';

const SCALE = Number(process.env.PA_FUZZ_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const SEED = process.env.PA_FUZZ_SEED ? Number(process.env.PA_FUZZ_SEED) : undefined;
const schemasDir = join(__dirname, '..', '..', '..', 'schemas');
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
const shippedSidecarSchema = ajv.compile(JSON.parse(readFileSync(join(schemasDir, 'sidecar.schema.json'), 'utf8')));
const shippedCatalogueSchema = ajv.compile(JSON.parse(readFileSync(join(schemasDir, 'entities.schema.json'), 'utf8')));
export const counts = { sidecars: 0, sidecarsAccepted: 0, catalogues: 0, cataloguesAccepted: 0 };

// ---------------------------------------------------------------- generators

const word = fc.stringMatching(/^[A-Za-z][A-Za-z ,.'’é-]{0,20}$/);
const anyText = fc.string({ unit: 'grapheme', maxLength: 30 });
const stamp = fc.constantFrom('2026-11-20T10:00:00Z', '2026-01-01T00:00:00+08:00', '2025-12-31T23:59:59.5Z');

const anchor = fc
  .record({ exact: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), prefix: anyText, suffix: anyText, start: fc.nat(5000), length: fc.nat(200) })
  .map(({ length, ...a }) => ({ ...a, end: a.start + length }));

const annotation = fc
  .record({
    id: fc.stringMatching(/^[0-9a-z][0-9a-z-]{2,12}$/),
    kind: fc.constantFrom(...ANNOTATION_KINDS),
    anchor,
    author: word,
    created: stamp,
    modified: stamp,
    tags: fc.option(fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    note: fc.option(fc.oneof(anyText, fc.constant('line one\nline two\n'), fc.constant('ends with spaces  ')), { nil: undefined }),
    review: fc.option(fc.record({ status: fc.constantFrom(...REVIEW_STATUSES), was: fc.option(anyText, { nil: undefined }) }), { nil: undefined }),
    label: word.filter((w) => w.length > 0),
    speaker: fc.constantFrom('author', 'xi-jinping'),
    claimType: fc.constantFrom(...CLAIM_TYPES),
    target: fc.constantFrom('topic:housing', '#aaaa0001', 'seeds/a.txt#bbbb0002'),
    polarity: fc.constantFrom(...POLARITIES),
    relation: fc.constantFrom(...LINK_RELATIONS),
  })
  .map((r) => {
    const common = { id: r.id, kind: r.kind, anchor: r.anchor, author: r.author, created: r.created, modified: r.modified, ...(r.tags ? { tags: r.tags } : {}), ...(r.note !== undefined ? { note: r.note } : {}), ...(r.review ? { review: r.review.was === undefined ? { status: r.review.status } : r.review } : {}) };
    switch (r.kind) {
      case 'claim':
        return { ...common, label: r.label, speaker: r.speaker, claimType: r.claimType };
      case 'stance':
        return { ...common, holder: r.speaker, target: r.target, polarity: r.polarity };
      case 'link':
        return { ...common, from: '#aaaa0001', to: r.target, relation: r.relation };
      default:
        return common;
    }
  });

const sidecar = fc.record({
  schemaVersion: fc.constant(1),
  document: fc.stringMatching(/^[a-z0-9_]{1,10}(\/[a-z0-9_]{1,10}){0,2}\.(txt|md)$/),
  fingerprint: fc.stringMatching(/^[0-9a-f]{40}$/),
  annotations: fc.uniqueArray(annotation, { maxLength: 6, selector: (a) => a.id }),
}) as fc.Arbitrary<Sidecar>;

const entity = fc
  .record({
    id: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}$/),
    type: fc.constantFrom(...ENTITY_TYPES),
    name: word.filter((w) => /[A-Za-z]/.test(w)),
    aliases: fc.option(fc.uniqueArray(word.filter((w) => /[A-Za-z]/.test(w)), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    description: fc.option(anyText, { nil: undefined }),
    role: fc.option(word, { nil: undefined }),
    links: fc.option(fc.record({ wikidata: fc.option(fc.stringMatching(/^Q[1-9][0-9]{0,6}$/), { nil: undefined }), url: fc.option(fc.constant('https://example.org/x'), { nil: undefined }) }), { nil: undefined }),
  })
  .map((e) => JSON.parse(JSON.stringify(e)) as Record<string, unknown>);

const catalogue = fc.record({ schemaVersion: fc.constant(1), entities: fc.uniqueArray(entity, { maxLength: 6, selector: (e) => e.id }) }).map((c) => stringify(c));

/** Fragments that broke parsers somewhere: tags, anchors, merge keys, prototype keys, markers, odd scalars. */
const NASTY = [
  '!!js/function "function () { return 1 }"', '!!js/undefined ""', '!!python/object:os.system ["ls"]', '!<tag:yaml.org,2002:js/regexp> /x/', '!!binary aGk=', '!!set {a, b}', '!!omap [a: 1]', '!!timestamp 2001-12-14', '!custom x',
  '&a [1, 2]', '*a', '<<: *a', '__proto__', '__proto__: {polluted: yes}', 'constructor: {prototype: {polluted: yes}}', 'prototype: x',
  '<<<<<<< HEAD', '=======', '>>>>>>> theirs', '|||||||', '---', '...', '%YAML 1.1', '? complex key', '- ', ': ', '#', '"unterminated', "'unterminated", '|', '>-', '|+', '{', '[', ']', '}',
  '1e400', '0x1F', '0o17', '.inf', '.nan', '~', 'null', 'true', 'yes', '-1', '3.5', '99999999999999999999', '[]', '{}', '""', "''",
  '\t', '\u0000', '\u0085', '\u2028', '\ufeff', '\ud800', '😀', 'é', '\r', '\r\n',
];

type Mutation = (text: string) => string;
const lines = (text: string) => text.split('\n');
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i) => (t: string) => lines(t).filter((_, k, all) => k !== i % all.length).join('\n')),
  fc.nat().map((i) => (t: string) => lines(t).flatMap((l, k, all) => (k === i % all.length ? [l, l] : [l])).join('\n')),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (t: string) => {
    const ls = lines(t);
    const a = i % ls.length;
    const b = j % ls.length;
    [ls[a], ls[b]] = [ls[b], ls[a]];
    return ls.join('\n');
  }),
  // Swap the values of two `key: value` lines (wrong types, wrong enums, ids into numbers...).
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (t: string) => {
    const ls = lines(t);
    const kv = ls.map((l, k) => [k, /^(\s*-?\s*[A-Za-z_]+:) (.+)$/.exec(l)] as const).filter(([, m]) => m);
    if (kv.length < 2) return t;
    const [a, ma] = kv[i % kv.length];
    const [b, mb] = kv[j % kv.length];
    ls[a] = `${ma![1]} ${mb![2]}`;
    ls[b] = `${mb![1]} ${ma![2]}`;
    return ls.join('\n');
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...NASTY)).map(([i, v]) => (t: string) => {
    const ls = lines(t);
    const k = i % ls.length;
    const m = /^(\s*-?\s*[A-Za-z_]+:) /.exec(ls[k]);
    ls[k] = m ? `${m[1]} ${v}` : `${ls[k]}${v}`;
    return ls.join('\n');
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...NASTY)).map(([i, v]) => (t: string) => {
    const ls = lines(t);
    const k = i % (ls.length + 1);
    const indent = /^\s*/.exec(ls[Math.min(k, ls.length - 1)])![0];
    ls.splice(k, 0, indent + v);
    return ls.join('\n');
  }),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([i, d]) => (t: string) => lines(t).map((l, k, all) => (k === i % all.length ? (d > 0 ? ' '.repeat(d) + l : l.slice(-d)) : l)).join('\n')),
  fc.nat().map((n) => (t: string) => t.slice(0, n % (t.length + 1))),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([i, bytes]) => (t: string) => {
    const at = i % (t.length + 1);
    return t.slice(0, at) + new TextDecoder('utf-8').decode(bytes) + t.slice(at);
  }),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 6 })).map(([i, s]) => (t: string) => {
    const at = i % (t.length + 1);
    return t.slice(0, at) + s + t.slice(at);
  }),
  fc.constant((t: string) => t.replace(/\n/g, '\r\n')),
  fc.constant((t: string) => '\ufeff' + t),
);
const mutated = (valid: fc.Arbitrary<string>) => fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([t, ms]) => ms.reduce((acc, m) => m(acc), t));
const randomYaml = fc.oneof(fc.jsonValue(), fc.object(), fc.dictionary(fc.string(), fc.anything())).map((v) => {
  try {
    return stringify(v);
  } catch {
    return String(v);
  }
});
const randomText = fc.string({ unit: 'grapheme', maxLength: 400 });

// ---------------------------------------------------------------- independent checks

/** Parsed by `yaml` alone, strictly: undefined when it has errors or warnings (an unknown tag is one). */
function independentParse(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, schema: 'core', merge: false, strict: true, prettyErrors: false });
  if (doc.errors.length || doc.warnings.length) return undefined;
  try {
    return { value: doc.toJS({ maxAliasCount: 50 }) };
  } catch {
    return undefined;
  }
}

function hasForbiddenKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasForbiddenKey);
  return Object.keys(value).some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype' || hasForbiddenKey((value as Record<string, unknown>)[k]));
}

function sidecarIsValid(value: unknown): string | undefined {
  if (!shippedSidecarSchema(value)) return `shipped schema: ${ajv.errorsText(shippedSidecarSchema.errors)}`;
  const s = value as Sidecar;
  if (s.schemaVersion !== 1) return 'schemaVersion is not 1';
  const d = s.document;
  if (d.includes('\\') || d.includes('\0') || d.startsWith('/') || /^[a-zA-Z]:/.test(d) || d.split('/').includes('..')) return 'document path leaves the workspace';
  if (new Set(s.annotations.map((a) => a.id)).size !== s.annotations.length) return 'duplicate ids';
  if (s.annotations.some((a) => a.anchor.end < a.anchor.start)) return 'end before start';
  return undefined;
}

function wellLocated(problems: { file: string; line: number; column: number; message: string }[], file: string): void {
  for (const p of problems) {
    expect(p.file).toBe(file);
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.message.length).toBeGreaterThan(3);
  }
}

function checkSidecarText(text: string): void {
  counts.sidecars++;
  let read: ReturnType<typeof readSidecar>;
  try {
    read = readSidecar(text, 'annotations/x.txt.yaml');
  } catch (error) {
    throw new Error(`readSidecar threw on ${JSON.stringify(text)}: ${String(error)}`);
  }
  wellLocated(read.problems, 'annotations/x.txt.yaml');
  const accepted = read.writable && !read.problems.some((p) => p.severity === 'error');
  if (!read.writable) expect(read.problems.length, 'a refused file must say why').toBeGreaterThan(0);
  if (!accepted) return;
  counts.sidecarsAccepted++;
  expect(findDeepNesting(text), 'the pre-parse depth check refused a valid file').toBeUndefined();
  const independent = independentParse(text);
  expect(independent, `accepted, but yaml alone rejects: ${JSON.stringify(text)}`).toBeDefined();
  expect(sidecarIsValid(independent!.value), `accepted an invalid sidecar: ${JSON.stringify(text)}`).toBeUndefined();
  expect(hasForbiddenKey(independent!.value)).toBe(false);
  expect(canonicalJson(read.sidecar), `read differently from yaml: ${JSON.stringify(text)}`).toBe(canonicalJson(independent!.value));
  // What was accepted survives the writer (its fast paths included) unchanged.
  const changed = { ...read.sidecar!, annotations: read.sidecar!.annotations.map((a, i) => (i === 0 ? { ...a, note: 'touched' } : a)) };
  for (const next of [read.sidecar!, changed]) {
    const written = writeSidecar(next, text);
    const back = readSidecar(written, 'annotations/x.txt.yaml');
    expect(back.problems, `the writer produced an unreadable file from ${JSON.stringify(text)}`).toEqual([]);
    expect(canonicalJson(back.sidecar!.annotations.map((a) => a.id).sort())).toBe(canonicalJson(next.annotations.map((a) => a.id).sort()));
    expect(canonicalJson([...back.sidecar!.annotations].sort((a, b) => (a.id < b.id ? -1 : 1)))).toBe(canonicalJson([...next.annotations].sort((a, b) => (a.id < b.id ? -1 : 1))));
  }
}

function checkCatalogueText(text: string): void {
  counts.catalogues++;
  let result: ReturnType<typeof loadCatalogue>;
  try {
    result = loadCatalogue([{ file: 'annotations/entities.yaml', text }]);
  } catch (error) {
    throw new Error(`loadCatalogue threw on ${JSON.stringify(text)}: ${String(error)}`);
  }
  wellLocated(result.issues, 'annotations/entities.yaml');
  if (!result.ok) return;
  // A newer version is shown read-only, never accepted for writing (as sidecars: writable false), and says why.
  if (result.readOnly.length) {
    expect(result.issues.some((i) => /newer Policy Annotator/.test(i.message)), 'a read-only catalogue must say why').toBe(true);
    return;
  }
  counts.cataloguesAccepted++;
  expect(findDeepNesting(text), 'the pre-parse depth check refused a valid file').toBeUndefined();
  const independent = independentParse(text);
  expect(independent, `accepted, but yaml alone rejects: ${JSON.stringify(text)}`).toBeDefined();
  expect(shippedCatalogueSchema(independent!.value), `accepted a catalogue the shipped schema rejects: ${JSON.stringify(text)}`).toBe(true);
  expect(hasForbiddenKey(independent!.value)).toBe(false);
  const entities = (independent!.value as { entities: Array<{ id: string; name: string; type: string }> }).entities;
  expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
  expect(result.catalogue.entities.map((e) => [e.id, e.type, e.name])).toEqual(entities.map((e) => [e.id, e.type, e.name]));
}

const params = (numRuns: number) => ({ numRuns: runs(numRuns), seed: SEED, endOnFailure: true });

describe('fuzz: sidecar reader', () => {
  it('valid generated sidecars are accepted exactly as written', () => {
    fc.assert(
      fc.property(sidecar, (s) => {
        const text = writeSidecar(s);
        checkSidecarText(text);
        const read = readSidecar(text, 'annotations/x.txt.yaml');
        expect(read.problems).toEqual([]);
      }),
      params(500),
    );
  });

  it('mutated sidecars: never a throw, never an invalid file accepted', () => {
    fc.assert(fc.property(mutated(sidecar.map((s) => writeSidecar(s))), checkSidecarText), params(3000));
  });

  it('random YAML and random text: never a throw, never accepted unless valid', () => {
    fc.assert(fc.property(fc.oneof(randomYaml, randomText), checkSidecarText), params(1000));
  });
});

describe('fuzz: catalogue loader', () => {
  it('mutated catalogues: never a throw, never an invalid file accepted', () => {
    fc.assert(fc.property(mutated(catalogue), checkCatalogueText), params(2000));
  });

  it('random YAML and random text: never a throw, never accepted unless valid', () => {
    fc.assert(fc.property(fc.oneof(randomYaml, randomText), checkCatalogueText), params(700));
  });

  it('left no trace on Object.prototype', () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log(`fuzz: ${JSON.stringify(counts)}`);
  });
});
