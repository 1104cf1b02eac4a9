// The pre-parse nesting check (src/core/safety/yamlDepth.ts): it must catch every file nested deep
// enough to overflow the YAML parser (never count less than the real depth), and never refuse a real
// sidecar or catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { findDeepNesting, PRE_PARSE_DEPTH_LIMIT } from '../../../src/core/safety/yamlDepth';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const repo = join(__dirname, '..', '..', '..');
const deepFlow = (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`;

function realDepth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(realDepth));
}

function nested(depth: number, shape: number[]): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = shape[i % shape.length] === 0 ? [value] : shape[i % shape.length] === 1 ? { k: value } : ['x', value, { y: 1 }];
  return value;
}

describe('findDeepNesting', () => {
  it.each([
    ['flow sequences', deepFlow(100_000), 1],
    ['flow mappings', `a: ${'{a: '.repeat(60_000)}1${'}'.repeat(60_000)}\n`, 1],
    ['block mappings', Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'), 201],
    ['compact sequences', `${'- '.repeat(100_000)}x\n`, 1],
    ['an anchored flow collection', `a: &x ${'['.repeat(5000)}\n`, 1],
    ['a tagged flow collection', `a: !!seq ${'['.repeat(5000)}\n`, 1],
    ['flow collections over many lines', `a:\n${Array.from({ length: 5000 }, () => '  [').join('\n')}\n`, 200],
  ])('finds %s nested too deep, with the line', (_label, text, line) => {
    const found = findDeepNesting(text);
    expect(found).toBeDefined();
    expect(found!.line).toBe(line);
    expect(found!.depth).toBeGreaterThan(PRE_PARSE_DEPTH_LIMIT);
  });

  it('does not count brackets in quoted strings, comments, plain scalars or block scalars', () => {
    const noisy = [
      `a: "${'['.repeat(5000)}"`,
      `b: '${'{'.repeat(5000)}'`,
      `c: plain text ${'['.repeat(5000)}`,
      `# ${'['.repeat(5000)}`,
      'd: |',
      `  ${'['.repeat(5000)}`,
      `  ${'{'.repeat(5000)}`,
      'e: [1, "]]]]", 2]',
    ].join('\n');
    expect(findDeepNesting(noisy)).toBeUndefined();
  });

  it('never refuses the sidecars, catalogues and fixtures of this repository', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.yaml')) files.push(join(dir, e.name));
      }
    };
    for (const dir of ['annotations', 'test/fixtures', 'test/unit/store/golden']) walk(join(repo, dir));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(findDeepNesting(readFileSync(f, 'utf8')), f).toBeUndefined();
  });

  it('never counts less than the real depth, whatever the style (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 450 }), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }), fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>, (depth, shape, collectionStyle) => {
        const value = { root: nested(depth, shape) };
        const text = stringify(value, { collectionStyle, lineWidth: 0 });
        const real = realDepth(value);
        const found = findDeepNesting(text);
        if (real > PRE_PARSE_DEPTH_LIMIT) expect(found, `depth ${real} not caught`).toBeDefined();
        // …and it is not wildly off the other way: block style may count an indent and a dash per level.
        if (found) expect(real * 2 + 2).toBeGreaterThan(PRE_PARSE_DEPTH_LIMIT);
      }),
      { numRuns: Number(process.env.PA_DEPTH_RUNS ?? 300) },
    );
  });

  it('makes the store refuse such a sidecar with the line, before the parser sees it (without the check, this test process dies)', async () => {
    const fs = new MemoryFileSystem();
    const file = '/ws/annotations/a.txt.yaml';
    const text = `schemaVersion: 1\ndocument: a.txt\nfingerprint: ${'0'.repeat(40)}\nannotations: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    fs.setText(file, text);
    const store = new SidecarStore(fs, '/ws');
    for (let round = 0; round < 3; round++) {
      const loaded = await store.load('a.txt');
      expect(loaded.read.writable).toBe(false);
      expect(loaded.read.problems).toEqual([expect.objectContaining({ file: 'annotations/a.txt.yaml', line: 4, severity: 'error', message: expect.stringMatching(/^nesting deeper than 200 levels: the file is not parsed/) })]);
      expect((await store.save({ ...loaded, read: { ...loaded.read, writable: true, sidecar: { schemaVersion: 1, document: 'a.txt', fingerprint: '0'.repeat(40), annotations: [] } } }, { schemaVersion: 1, document: 'a.txt', fingerprint: '1'.repeat(40), annotations: [] })).kind).toBe('written');
      fs.setText(file, text);
    }
  });
});
