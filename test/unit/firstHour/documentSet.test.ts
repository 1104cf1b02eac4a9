import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { documentPathFor } from '../../../src/core/store/documentPaths';
import { DEFAULT_DOCUMENT_EXCLUDE, documentSet } from '../../../src/core/workspace/documentSet';
import { entityMatches } from '../../../src/vscode/entities/entityFilter';
import { parseFilter } from '../../../src/vscode/tree/treeNodes';
import type { Entity } from '../../../src/core/entities/types';

const root = join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('the entity catalogue is never taken for a sidecar (issue 18: four false errors on entities.yaml)', () => {
  it('documentPathFor refuses entities.yaml and *.entities.yaml, and still maps real sidecars', () => {
    expect(documentPathFor('annotations/entities.yaml', 'annotations')).toBeUndefined();
    expect(documentPathFor('annotations/people.entities.yaml', 'annotations')).toBeUndefined();
    expect(documentPathFor('annotations/seeds/people.entities.yaml', 'annotations')).toBeUndefined();
    expect(documentPathFor('annotations/seeds/000_d3c97eb98561e2fd.txt.yaml', 'annotations')).toBe('seeds/000_d3c97eb98561e2fd.txt');
  });

  it("package.json's yamlValidation gives the catalogue the catalogue schema only, never the sidecar schema", () => {
    const rules = manifest.contributes.yamlValidation as Array<{ fileMatch: string[]; url: string }>;
    const schemasFor = (file: string) => rules.filter((r) => r.fileMatch.some((g) => picomatch.isMatch(file, g))).map((r) => r.url);
    expect(schemasFor('annotations/entities.yaml')).toEqual(['./schemas/entities.schema.json']);
    expect(schemasFor('annotations/extra.entities.yaml')).toEqual(['./schemas/entities.schema.json']);
    expect(schemasFor('annotations/seeds/000_d3c97eb98561e2fd.txt.yaml')).toEqual(['./schemas/sidecar.schema.json']);
  });
});

describe('the default document set is the documents, not the repository around them', () => {
  const settings = manifest.contributes.configuration.properties;
  const isDocument = documentSet({ documentGlob: settings['policyAnnotator.documentGlob'].default, documentExclude: settings['policyAnnotator.documentExclude'].default, annotationsFolder: 'annotations' });

  it('package.json offers the same default exclusions as the code', () => {
    expect(settings['policyAnnotator.documentExclude'].default).toEqual(DEFAULT_DOCUMENT_EXCLUDE);
  });

  it('keeps the seeds and leaves out README.md, sources, tests, fixtures, dependencies, build output and sidecars', () => {
    expect(isDocument('seeds/000_d3c97eb98561e2fd.txt')).toBe(true);
    expect(isDocument('reports/2024/budget.md')).toBe(true);
    for (const other of ['README.md', 'src/core/entities/README.md', 'test/fixtures/corpus/doc.txt', 'node_modules/yaml/README.md', 'dist/notes.txt', 'out/ui/x.md', 'bench/fixtures/big.txt', '.code-server/lib/x.md', 'annotations/seeds/000.txt.yaml', 'docs/CHANGELOG.md', 'LICENSE.txt']) {
      expect(isDocument(other), other).toBe(false);
    }
  });

  it('is a setting: an empty exclusion list takes every match of the glob again', () => {
    const everything = documentSet({ documentGlob: '**/*.{txt,md,markdown}', documentExclude: [], annotationsFolder: 'annotations' });
    expect(everything('README.md')).toBe(true);
    expect(everything('src/core/entities/README.md')).toBe(true);
    expect(everything('annotations/notes.md')).toBe(false);
  });

  it('the corpus on disk: every seed is a document, no README or source file is', () => {
    const seeds = ['000_d3c97eb98561e2fd.txt', '001_79ead2d7149b2ec1.txt'].map((f) => `seeds/${f}`);
    expect(seeds.every(isDocument)).toBe(true);
    expect(['README.md', 'docs/architecture.md', 'src/core/entities/README.md'].filter(isDocument)).toEqual(['docs/architecture.md']);
  });
});

describe('the Entities view applies the shared filter', () => {
  const xi: Entity = { id: 'xi-jinping', type: 'person', name: 'Xi Jinping', aliases: ['President Xi Jinping', 'Xi'], role: 'President' };
  it('matches words in names and aliases, kind:person or kind:entity; tag: matches no entity', () => {
    expect(entityMatches(xi, parseFilter('president'))).toBe(true);
    expect(entityMatches(xi, parseFilter('kind:person xi'))).toBe(true);
    expect(entityMatches(xi, parseFilter('kind:entity'))).toBe(true);
    expect(entityMatches(xi, parseFilter('kind:claim'))).toBe(false);
    expect(entityMatches(xi, parseFilter('tag:innovation'))).toBe(false);
    expect(entityMatches(xi, parseFilter('cyberport'))).toBe(false);
    expect(entityMatches(xi, undefined)).toBe(true);
  });
});
