// Bad and hostile sidecars and catalogues: each gets a message naming the file, the line and what is
// wrong, and nothing is overwritten. Sidecars go through the store (as the editor and the CLI read
// and write them), starting from a file in the writer's own layout so that the reader's fast path
// must hand each case to the full parser. Each case fails without its protection.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../src/core/entities';
import { Sidecar } from '../../../src/core/model';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const basic = readFileSync(join(__dirname, '..', 'store', 'golden', 'basic.yaml'), 'utf8');
const DOC = 'seeds/000_d3c97eb98561e2fd.txt';
const FILE = `/ws/annotations/${DOC}.yaml`;
const NAME = `annotations/${DOC}.yaml`;
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const bomb = (levels: number) => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
};

interface Case {
  name: string;
  text: string;
  line: number;
  message: RegExp;
  /** Shown read-only (a newer schema): the annotations are still there. */
  readable?: boolean;
}

const replace = (from: string, to: string) => basic.replace(from, to);
const sidecarCases: Case[] = [
  { name: 'a YAML syntax error', text: replace('    polarity: oppose\n', '    polarity: [oppose\n'), line: lineOf(basic, '    polarity: oppose') + 1, message: /flow sequence|Missing|Unexpected|must/i },
  { name: 'a wrong type', text: replace('      start: 300\n', '      start: three hundred\n'), line: lineOf(basic, '      start: 300'), message: /annotations\[0\]\.anchor\.start must be integer/ },
  { name: 'an unknown kind', text: replace('    kind: stance\n', '    kind: opinion\n'), line: lineOf(basic, '    kind: stance'), message: /kind must be one of: claim, stance, note, link/ },
  { name: 'a newer schema version', text: replace('schemaVersion: 1\n', 'schemaVersion: 7\n'), line: 1, message: /newer Policy Annotator \(schema 7.*upgrade the extension/, readable: true },
  { name: 'a duplicate id', text: replace('  - id: r5t8v1bc\n', '  - id: p7w2n4zt\n'), line: lineOf(basic, '  - id: r5t8v1bc'), message: /duplicate id 'p7w2n4zt'/ },
  { name: 'a duplicate key', text: replace('    polarity: oppose\n', '    polarity: oppose\n    polarity: support\n'), line: lineOf(basic, '    polarity: oppose') + 1, message: /Map keys must be unique/ },
  { name: 'an alias bomb', text: bomb(9) + basic, line: 1, message: /Excessive alias count/ },
  { name: 'very deep nesting', text: basic.replace('annotations:\n', `extra: ${'['.repeat(100)}${']'.repeat(100)}\nannotations:\n`), line: 4, message: /nesting deeper than 64 levels/ },
  { name: 'nesting deep enough to overflow the parser', text: basic.replace('annotations:\n', `extra: ${'['.repeat(50_000)}${']'.repeat(50_000)}\nannotations:\n`), line: 4, message: /nesting deeper than 200 levels: the file is not parsed/ },
  { name: 'a huge file', text: basic + `# ${'x'.repeat(33 * 1024 * 1024)}\n`, line: 1, message: /over the limit of 33554432; it is not read/ },
  { name: 'a __proto__ key', text: replace('    polarity: oppose\n', '    polarity: oppose\n    __proto__: {review: {status: fuzzy}}\n'), line: lineOf(basic, '    polarity: oppose') + 1, message: /unknown property '__proto__'/ },
  { name: 'a constructor key', text: replace('    polarity: oppose\n', '    polarity: oppose\n    constructor: {prototype: {polluted: yes}}\n'), line: lineOf(basic, '    polarity: oppose') + 1, message: /unknown property 'constructor'/ },
  { name: 'a !!js/function tag', text: replace('    holder: author\n', '    holder: !!js/function "function () { return process.exit(1) }"\n'), line: lineOf(basic, '    holder: author'), message: /Unresolved tag: tag:yaml.org,2002:js\/function/ },
  { name: 'a !!python/object tag', text: replace('    holder: author\n', '    holder: !!python/object/apply:os.system ["touch /tmp/pwned"]\n'), line: lineOf(basic, '    holder: author'), message: /Unresolved tag/ },
  { name: 'a !!binary tag (YAML 1.1 only)', text: replace('    holder: author\n', '    holder: !!binary aGVsbG8=\n'), line: lineOf(basic, '    holder: author'), message: /Unresolved tag: tag:yaml.org,2002:binary|holder must be string/ },
  { name: 'a !!set tag', text: replace('    holder: author\n', '    holder: !!set {a, b}\n'), line: lineOf(basic, '    holder: author'), message: /Unresolved tag: tag:yaml.org,2002:set|holder must be string/ },
  { name: 'a local tag', text: replace('    holder: author\n', '    holder: !Evil {cmd: rm}\n'), line: lineOf(basic, '    holder: author'), message: /Unresolved tag: !Evil/ },
  { name: 'a merge key', text: replace('    polarity: oppose\n', '    polarity: oppose\n    <<: {label: injected}\n'), line: lineOf(basic, '    polarity: oppose') + 1, message: /unknown property '<<'/ },
  { name: 'git conflict markers', text: replace('    polarity: oppose\n', '<<<<<<< HEAD\n    polarity: oppose\n=======\n    polarity: mixed\n>>>>>>> theirs\n'), line: lineOf(basic, '    polarity: oppose'), message: /unresolved git merge conflict marker/ },
  { name: 'a document path that leaves the workspace', text: replace(`document: ${DOC}\n`, 'document: ../../home/me/.ssh/id_rsa\n'), line: 2, message: /must not contain '\.\.'/ },
  { name: 'a sidecar that is a list', text: '- id: x\n', line: 1, message: /a sidecar must be a mapping/ },
];

describe('hostile sidecars, through the store', () => {
  it.each(sidecarCases)('$name: located message, not overwritten, no prototype touched', async ({ text, line, message, readable }) => {
    const fs = new MemoryFileSystem();
    fs.setText(FILE, text);
    const store = new SidecarStore(fs, '/ws');
    const started = performance.now();
    const loaded = await store.load(DOC);
    expect(performance.now() - started, 'took too long').toBeLessThan(5000);
    const first = loaded.read.problems[0];
    expect(first, 'no problem reported').toBeDefined();
    expect(first).toMatchObject({ file: NAME, line });
    expect(first.message).toMatch(message);
    expect(loaded.read.writable).toBe(false);
    if (readable) expect(loaded.read.sidecar?.annotations.length).toBeGreaterThan(0);
    // Whatever the editor holds, the file is not replaced.
    const ours: Sidecar = { schemaVersion: 1, document: DOC, fingerprint: 'a'.repeat(40), annotations: [] };
    const outcome = await store.save(loaded, ours);
    expect(outcome.kind).toBe('refused');
    expect(fs.text(FILE)).toBe(text);
    expect(fs.writes).toBe(0);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).review).toBeUndefined();
  });

  it('refuses to merge into a file that became hostile on disk after it was loaded', async () => {
    const fs = new MemoryFileSystem();
    fs.setText(FILE, basic);
    const store = new SidecarStore(fs, '/ws');
    const loaded = await store.load(DOC);
    for (const c of sidecarCases.filter((c) => !c.readable)) {
      fs.setText(FILE, c.text);
      const outcome = await store.save(loaded, { ...loaded.read.sidecar!, annotations: loaded.read.sidecar!.annotations.slice(1) });
      expect(outcome.kind, c.name).toBe('refused');
      expect(fs.text(FILE)).toBe(c.text);
    }
  });
});

const cat = (body: string) => `schemaVersion: 1\nentities:\n${body}`;
const person = '  - id: ada\n    type: person\n    name: Ada Lovelace\n';
interface CatalogueCase {
  name: string;
  text: string;
  line: number;
  message: RegExp;
}
const catalogueCases: CatalogueCase[] = [
  { name: 'a YAML syntax error', text: cat(person + '    aliases: [Ada\n'), line: 7, message: /flow sequence|Missing|Unexpected|must/i },
  { name: 'a wrong type', text: cat(person.replace('name: Ada Lovelace', 'name: [1, 2]')), line: 5, message: /entities\[0\]\.name must be string/ },
  { name: 'a duplicate id', text: cat(person + person.replace('Ada Lovelace', 'Other')), line: 6, message: /duplicate entity id 'ada' \(first defined at entities\.yaml:3:9\)/ },
  { name: 'a duplicate key', text: cat(person + '    name: Again\n'), line: 6, message: /Map keys must be unique/ },
  { name: 'an alias bomb', text: bomb(9) + cat(person), line: 1, message: /Excessive alias count/ },
  { name: 'a huge file', text: cat(person) + `# ${'x'.repeat(9 * 1024 * 1024)}\n`, line: 1, message: /larger than the 8388608-character limit/ },
  { name: 'a __proto__ key', text: cat(person + '    __proto__: {polluted: yes}\n'), line: 6, message: /key '__proto__' is not allowed/ },
  { name: 'a constructor key', text: cat(person + '    constructor: {prototype: {polluted: yes}}\n'), line: 6, message: /key 'constructor' is not allowed/ },
  { name: 'a !!js/function tag', text: cat(person.replace('name: Ada Lovelace', 'name: !!js/function "function () {}"')), line: 5, message: /tag.*js\/function.* is not allowed in a catalogue/ },
  { name: 'a !!binary tag', text: cat(person.replace('name: Ada Lovelace', 'name: !!binary aGk=')), line: 5, message: /tag.*binary.* is not allowed in a catalogue/ },
  { name: 'a local tag', text: cat(person.replace('name: Ada Lovelace', 'name: !Evil x')), line: 5, message: /tag.*Evil.* is not allowed in a catalogue/ },
  { name: 'a merge key', text: cat(person + '    <<: {role: injected}\n'), line: 6, message: /unknown property '<<'/ },
  { name: 'very deep nesting', text: cat(person + `    description: ${'['.repeat(100)}${']'.repeat(100)}\n`), line: 6, message: /.+/ },
];

describe('hostile catalogues, through the loader', () => {
  it.each(catalogueCases)('$name: located message, nothing loaded from the file, no prototype touched', ({ text, line, message }) => {
    const result = loadCatalogue([{ file: 'entities.yaml', text }]);
    expect(result.ok).toBe(false);
    const error = result.issues.find((i) => i.severity === 'error')!;
    expect(error).toMatchObject({ file: 'entities.yaml', line });
    expect(error.message).toMatch(message);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a newer catalogue schema is shown read-only with a message to upgrade', () => {
    const result = loadCatalogue([{ file: 'entities.yaml', text: cat(person).replace('schemaVersion: 1', 'schemaVersion: 2') }]);
    expect(result.issues[0].message).toMatch(/newer|upgrade/);
    expect(result.catalogue.entities.map((e) => e.id)).toEqual(['ada']);
  });

  it('git conflict markers in a catalogue are named as such', () => {
    const result = loadCatalogue([{ file: 'entities.yaml', text: cat('<<<<<<< HEAD\n' + person + '=======\n' + person + '>>>>>>> theirs\n') }]);
    expect(result.issues[0]).toMatchObject({ line: 3, message: expect.stringMatching(/conflict/) });
  });

  it('a catalogue nested too deep for the parser is refused before parsing, with a clear message (see safety/yamlDepth.ts for why it can kill the process)', () => {
    const result = loadCatalogue([{ file: 'entities.yaml', text: cat(person + `    description: ${'['.repeat(2000)}${']'.repeat(2000)}\n`) }]);
    expect(result.issues[0].message).toMatch(/nesting deeper than/);
  });
});

describe('sidecar reader: tags and nesting', () => {
  it('YAML 1.1 tags (!!binary, !!set, !!omap, !!timestamp) are refused as unknown tags, before they build any object', async () => {
    const { readSidecar } = await import('../../../src/core/store/readSidecar');
    for (const tagged of ['!!binary aGk=', '!!set {a, b}', '!!omap [a: 1]', '!!timestamp 2001-12-14']) {
      const read = readSidecar(basic.replace(/ {4}note: \|-\n(?: {6}.*\n)+/, `    note: ${tagged}\n`), NAME);
      expect(read.problems.map((p) => p.message)).toEqual([expect.stringMatching(/Unresolved tag/)]);
    }
  });

  it('readSidecar refuses nesting too deep for the parser before parsing (a stack overflow inside the parser can be a fatal out-of-memory)', async () => {
    const { readSidecar } = await import('../../../src/core/store/readSidecar');
    const read = readSidecar(basic.replace('annotations:\n', `extra: ${'['.repeat(2000)}${']'.repeat(2000)}\nannotations:\n`), NAME);
    expect(read.problems[0].message).toMatch(/nesting deeper than/);
  });
});
