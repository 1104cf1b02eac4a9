import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, entityCatalogueSchema, formatIssue, loadCatalogue } from '../../../src/core/entities/index';
import { ROOT } from './helpers';

const load = (...texts: string[]) => loadCatalogue(texts.map((text, i) => ({ file: `cat${i + 1}.yaml`, text })));
const brief = (r: ReturnType<typeof load>) => r.issues.map(formatIssue);

const VALID = `schemaVersion: 1
entities:
  - id: xi-jinping
    type: person
    name: Xi Jinping
    aliases:
      - President Xi Jinping
      - Xi
    role: President
    links: { wikidata: Q15031 }
    related: [hong-kong]
  - id: hong-kong
    type: place
    name: Hong Kong
`;

describe('loadCatalogue', () => {
  it('loads a valid file, recording where each entity is defined', () => {
    const r = load(VALID);
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.catalogue.entities.map((e) => e.id)).toEqual(['xi-jinping', 'hong-kong']);
    expect(r.catalogue.entities[0]).toMatchObject({
      name: 'Xi Jinping',
      aliases: ['President Xi Jinping', 'Xi'],
      links: { wikidata: 'Q15031' },
      origin: { file: 'cat1.yaml', line: 3, column: 9 },
    });
  });

  it('reports YAML syntax errors with line and column instead of throwing', () => {
    const r = load('schemaVersion: 1\nentities:\n  - id: a\n    name: [unclosed\n');
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ file: 'cat1.yaml', severity: 'error' });
    expect(r.issues[0].line).toBeGreaterThanOrEqual(4);
  });

  it('names the file, line, column and problem of schema errors', () => {
    const r = load(`schemaVersion: 1
entities:
  - id: ok-entity
    type: place
    name: Fine
  - id: Bad_Id
    type: place
    name: X
  - id: no-name
    type: place
  - id: wrong-type
    type: city
    name: Y
  - id: extra
    type: place
    name: Z
    colour: red
`);
    expect(brief(r)).toEqual([
      'cat1.yaml:6:9: error: entities[1].id must be a lowercase kebab-case id (a-z, 0-9, single hyphens)',
      "cat1.yaml:9:5: error: entities[2] is missing required property 'name'",
      `cat1.yaml:12:11: error: entities[3].type must be one of: ${ENTITY_TYPES.join(', ')}`,
      "cat1.yaml:17:5: error: unknown property 'colour' in entities[4]",
    ]);
    // The entities without errors are still usable.
    expect(r.catalogue.entities.map((e) => e.id)).toEqual(['ok-entity']);
  });

  it('rejects a file with a wrong top level', () => {
    expect(brief(load('schemaVersion: 0\nentities: []\n'))).toEqual(['cat1.yaml:1:16: error: schemaVersion must be 1']);
    const newer = load('schemaVersion: 2\nentities: []\n');
    expect(brief(newer)).toEqual([expect.stringMatching(/^cat1\.yaml:1:16: warning: written by a newer Policy Annotator .*read-only/)]);
    expect(newer.readOnly).toEqual(['cat1.yaml']);
    expect(brief(load('- a\n- b\n'))[0]).toMatch(/^cat1\.yaml:1:1: error: .*must be object/);
    expect(load('').ok).toBe(false);
    expect(load('entities: []\n').issues[0].message).toContain("missing required property 'schemaVersion'");
  });

  it('merges several files and reports duplicate ids with both positions', () => {
    const second = 'schemaVersion: 1\nentities:\n  - id: other\n    type: concept\n    name: Other\n  - id: hong-kong\n    type: place\n    name: HK\n';
    const r = load(VALID, second);
    expect(r.catalogue.entities.map((e) => e.id)).toEqual(['xi-jinping', 'hong-kong', 'other']);
    expect(brief(r)).toEqual(["cat2.yaml:6:9: error: duplicate entity id 'hong-kong' (first defined at cat1.yaml:12:9)"]);
  });

  it('warns about unknown related ids, repeated and shared aliases', () => {
    const r = load(`schemaVersion: 1
entities:
  - id: a
    type: concept
    name: Alpha
    aliases: [“Alpha”, ABC]
    related: [nowhere]
  - id: b
    type: concept
    name: ABC
`);
    expect(r.ok).toBe(true);
    expect(brief(r)).toEqual([
      "cat1.yaml:6:15: warning: alias '“Alpha”' repeats the name or another alias of 'a' (quotes and spacing are ignored when matching)",
      "cat1.yaml:7:15: warning: related id 'nowhere' is not in the catalogue",
      "cat1.yaml:8:9: warning: 'ABC' is also a name of 'a', which takes precedence",
    ]);
  });
});

describe('hostile catalogues', () => {
  it('stops alias expansion bombs', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'schemaVersion: 1',
      'entities: []',
    ].join('\n');
    const started = Date.now();
    const r = load(bomb);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.ok).toBe(false);
    expect(r.issues[0].message).toMatch(/alias/i);
  });

  it('never lets __proto__ reach a prototype', () => {
    const r = load('schemaVersion: 1\n__proto__:\n  polluted: true\nentities:\n  - id: a\n    type: place\n    name: A\n    __proto__: { polluted: true }\n');
    expect(r.ok).toBe(false);
    expect(brief(r)).toEqual(["cat1.yaml:2:1: error: key '__proto__' is not allowed", "cat1.yaml:8:5: error: key '__proto__' is not allowed"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects custom and language-specific tags', () => {
    const r = load('schemaVersion: 1\nentities:\n  - id: a\n    type: place\n    name: !!js/function "function () {}"\n    role: !custom x\n');
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.line)).toContain(5);
    expect(r.issues.map((i) => i.line)).toContain(6);
    expect(load('schemaVersion: 1\nentities: !!binary aGVsbG8=\n').ok).toBe(false);
  });

  it('enforces a size limit', () => {
    const r = loadCatalogue([{ file: 'big.yaml', text: VALID + '#'.repeat(200) }], { maxChars: 100 });
    expect(brief(r)).toEqual(['big.yaml:1:1: error: file is larger than the 100-character limit for catalogues']);
  });

  it('rejects several documents in one file', () => {
    expect(load(VALID + '---\n' + VALID).ok).toBe(false);
  });
});

describe('schemas/entities.schema.json', () => {
  it('is the schema the loader uses (regenerate it from src/core/entities/catalogue/schema.ts)', () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'schemas/entities.schema.json'), 'utf8'));
    expect(file).toEqual(JSON.parse(JSON.stringify(entityCatalogueSchema)));
    expect(file.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(file.definitions.entity.properties.type.enum).toEqual([...ENTITY_TYPES]);
  });
});
