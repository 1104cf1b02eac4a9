import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/core/problem';
import { readSidecar } from '../../../src/core/store/readSidecar';

const basic = readFileSync(join(__dirname, 'golden', 'basic.yaml'), 'utf8');
const problemsOf = (text: string) => readSidecar(text, 'annotations/x.txt.yaml').problems.map(formatProblem);

describe('readSidecar', () => {
  it('reads the golden file with no problems', () => {
    const read = readSidecar(basic, 'basic.yaml');
    expect(read.problems).toEqual([]);
    expect(read.writable).toBe(true);
    expect(read.sidecar!.annotations.map((a) => a.id)).toEqual(['p7w2n4zt', 'r5t8v1bc', 'k3m9x2qa']);
  });

  it('locates a YAML syntax error and refuses to write', () => {
    const read = readSidecar(basic.replace('    kind: claim', '    kind: [claim'), 'x.yaml');
    expect(read.writable).toBe(false);
    expect(read.sidecar).toBeUndefined();
    expect(read.problems[0].line).toBeGreaterThan(40);
    expect(read.problems[0].severity).toBe('error');
  });

  it('names the field, line and column of a wrong type', () => {
    const text = basic.replace('      start: 1000', '      start: "ten"');
    expect(problemsOf(text)).toEqual(['annotations/x.txt.yaml:45:14: error: annotations[2].anchor.start must be integer']);
  });

  it('lists the allowed values of an enum', () => {
    const text = basic.replace('    polarity: oppose', '    polarity: against');
    expect(problemsOf(text)).toEqual(['annotations/x.txt.yaml:15:15: error: annotations[0].polarity must be one of: support, oppose, neutral, mixed']);
  });

  it('reports a missing field at the annotation and an unknown one at its key', () => {
    const text = basic.replace('    speaker: author\n', '    speakr: author\n');
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(/^annotations\/x\.txt\.yaml:39:5: error: missing property 'speaker' in annotations\[2\]$/),
      'annotations/x.txt.yaml:48:5: error: unknown property \'speakr\' in annotations[2]',
    ]);
  });

  it('keeps the valid annotations readable but the file unwritable when one is invalid', () => {
    const read = readSidecar(basic.replace('    polarity: oppose', '    polarity: against'), 'x.yaml');
    expect(read.writable).toBe(false);
    expect(read.sidecar!.annotations.map((a) => a.id)).toEqual(['r5t8v1bc', 'k3m9x2qa']);
  });

  it('rejects duplicate ids', () => {
    const text = basic.replace('  - id: r5t8v1bc', '  - id: p7w2n4zt');
    expect(problemsOf(text)).toEqual(["annotations/x.txt.yaml:22:9: error: duplicate id 'p7w2n4zt' (first used by annotations[0])"]);
  });

  it('points at each git conflict marker', () => {
    const text = basic.replace('    polarity: oppose\n', '<<<<<<< HEAD\n    polarity: oppose\n=======\n    polarity: support\n>>>>>>> theirs\n');
    const read = readSidecar(text, 'x.yaml');
    expect(read.writable).toBe(false);
    expect(read.problems.map((p) => p.line)).toEqual([15, 17, 19]);
    expect(read.problems[0].message).toMatch(/merge conflict marker/);
  });

  it('shows a newer schema read-only with a message to upgrade', () => {
    const read = readSidecar(basic.replace('schemaVersion: 1', 'schemaVersion: 7'), 'x.yaml');
    expect(read.writable).toBe(false);
    expect(read.sidecar!.annotations).toHaveLength(3);
    expect(read.problems).toEqual([expect.objectContaining({ line: 1, severity: 'warning', message: expect.stringMatching(/newer Policy Annotator \(schema 7.*upgrade/) })]);
  });

  it('refuses document paths that leave the workspace folder', () => {
    expect(problemsOf(basic.replace('document: seeds/', 'document: ../../etc/'))).toEqual([expect.stringMatching(/:2:11: error: document path .* must not contain '\.\.'/)]);
    expect(problemsOf(basic.replace('document: seeds/', 'document: /etc/'))).toEqual([expect.stringMatching(/:2:11: error: .*must be relative/)]);
  });

  it('rejects tags that try to construct objects', () => {
    const problems = problemsOf(basic.replace('    note: |-', '    note: !!js/function |-'));
    expect(problems[0]).toMatch(/:16:11: error: Unresolved tag/);
  });

  it('stops an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    const read = readSidecar(bomb, 'x.yaml');
    expect(read.writable).toBe(false);
    expect(read.problems[0].message).toMatch(/alias/i);
  });

  it('does not let __proto__ pollute objects', () => {
    const read = readSidecar(basic.replace('schemaVersion: 1', 'schemaVersion: 1\n__proto__:\n  polluted: true'), 'x.yaml');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(read.problems.map((p) => p.message)).toEqual(["unknown property '__proto__' in the file"]);
  });

  it('refuses very deep nesting', () => {
    const deep = 'schemaVersion: 1\nx: ' + '['.repeat(200) + ']'.repeat(200) + '\n';
    expect(readSidecar(deep, 'x.yaml').problems[0].message).toMatch(/nesting deeper than/);
  });

  it('says what a sidecar must be when it is not a mapping', () => {
    expect(problemsOf('- just\n- a list\n')).toEqual(['annotations/x.txt.yaml:1:1: error: a sidecar must be a mapping with schemaVersion, document, fingerprint and annotations']);
  });
});
