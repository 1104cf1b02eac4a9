// Document metadata lives in the sidecar; sidecars written before it existed must read and save unchanged.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffSidecars } from '../../../src/core/diff/sidecarDiff';
import { renderSidecarForReview } from '../../../src/core/gitIntegration/textconv';
import { mergeSidecarTexts } from '../../../src/core/gitIntegration/mergeSidecars';
import { mergeMetadata } from '../../../src/core/merge/mergeMetadata';
import { DocumentMetadata } from '../../../src/core/model';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { writeSidecar, writeSidecarWithDocument } from '../../../src/core/store/writeSidecar';
import { clearLayoutCache } from '../../../src/core/yaml/layoutCache';
import { lineDiff } from '../golden';

const ROOT = resolve(__dirname, '../../..');
const golden = readFileSync(join(__dirname, 'golden', 'basic.yaml'), 'utf8');
const corpusFiles = readdirSync(join(ROOT, 'annotations/seeds')).map((f) => `annotations/seeds/${f}`);

const metadata: DocumentMetadata = {
  title: 'Setting Hong Kong’s reindustrialization drive on the right track',
  authors: ['Hendrick Sin'],
  publisher: 'China Daily',
  published: '2023-10-16',
  url: 'https://www.chinadaily.com.cn/a/202310/16/WS652d0b9ea31090682a5e8a3f.html',
  type: 'op-ed',
  language: 'en',
};

/** The corpus sidecar as it was before metadata existed: the same file with its `metadata:` block removed. */
function withoutMetadata(text: string): string {
  return text.replace(/^metadata:\n(?: {2}.*\n)+/m, '');
}

describe('document metadata in sidecars', () => {
  it('an old sidecar (no metadata) reads and saves byte for byte, through both writers and with a cold cache', () => {
    for (const text of [golden, ...corpusFiles.map((f) => withoutMetadata(readFileSync(join(ROOT, f), 'utf8')))]) {
      expect(text).not.toContain('metadata:');
      const read = readSidecar(text, 'old.yaml');
      expect(read.problems).toEqual([]);
      expect(read.sidecar!.metadata).toBeUndefined();
      expect(writeSidecar(read.sidecar!, text)).toBe(text);
      clearLayoutCache();
      expect(writeSidecar(read.sidecar!, text)).toBe(text);
      expect(writeSidecarWithDocument(read.sidecar!, text)).toBe(text);
    }
  });

  it('every corpus sidecar with metadata saves unchanged', () => {
    for (const file of corpusFiles) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const read = readSidecar(text, file);
      expect(read.problems).toEqual([]);
      expect(read.sidecar!.metadata?.title).toBeTruthy();
      expect(writeSidecar(read.sidecar!, text)).toBe(text);
      expect(writeSidecarWithDocument(read.sidecar!, text)).toBe(text);
    }
  });

  it('adding metadata adds only its lines, after the fingerprint, and reads back equal', () => {
    const sidecar = readSidecar(golden, 'basic.yaml').sidecar!;
    const after = writeSidecar({ ...sidecar, metadata }, golden);
    expect(writeSidecarWithDocument({ ...sidecar, metadata }, golden)).toBe(after);
    const diff = lineDiff(golden, after);
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual([
      'metadata:',
      '  title: Setting Hong Kong’s reindustrialization drive on the right track',
      '  authors:',
      '    - Hendrick Sin',
      '  publisher: China Daily',
      // Quoted: a YAML 1.1 reader (PyYAML) would read the bare date as a date, not a string.
      '  published: "2023-10-16"',
      '  url: https://www.chinadaily.com.cn/a/202310/16/WS652d0b9ea31090682a5e8a3f.html',
      '  type: op-ed',
      '  language: en',
    ]);
    expect(after.indexOf('metadata:')).toBeGreaterThan(after.indexOf('fingerprint:'));
    expect(after.indexOf('metadata:')).toBeLessThan(after.indexOf('annotations:'));
    expect(readSidecar(after, 'basic.yaml').sidecar!.metadata).toEqual(metadata);
  });

  it('changing one field changes one line; removing all metadata gives back the old bytes', () => {
    const sidecar = readSidecar(golden, 'basic.yaml').sidecar!;
    const withMeta = writeSidecar({ ...sidecar, metadata }, golden);
    const changed = writeSidecar({ ...sidecar, metadata: { ...metadata, published: '2023-10-17' } }, withMeta);
    expect(lineDiff(withMeta, changed)).toEqual({ removed: ['  published: "2023-10-16"'], added: ['  published: "2023-10-17"'] });
    expect(writeSidecar({ ...sidecar, metadata: undefined }, changed)).toBe(golden);
    expect(writeSidecar({ ...sidecar, metadata: {} }, changed)).toBe(golden);
  });

  it('a bad date or document type is reported at its line and makes the file read-only', () => {
    const bad = writeSidecar({ ...readSidecar(golden, 'basic.yaml').sidecar!, metadata }).replace('published: "2023-10-16"', 'published: 16 October 2023').replace('type: op-ed', 'type: blog');
    const read = readSidecar(bad, 'bad.yaml');
    expect(read.writable).toBe(false);
    const lines = bad.split('\n');
    const published = read.problems.find((p) => p.pointer === '/metadata/published')!;
    expect(lines[published.line - 1]).toContain('published:');
    expect(read.problems.find((p) => p.pointer === '/metadata/type')!.message).toMatch(/op-ed/);
    expect(read.sidecar!.metadata).toBeUndefined();
    expect(read.sidecar!.annotations.length).toBe(3);
  });

  it('git textconv and the semantic diff show metadata fields', () => {
    const sidecar = readSidecar(golden, 'basic.yaml').sidecar!;
    const text = writeSidecar({ ...sidecar, metadata });
    expect(renderSidecarForReview(text, 'x.yaml')).toContain('\ntitle: Setting Hong Kong’s reindustrialization drive on the right track\nauthors: [Hendrick Sin]\npublisher: China Daily\npublished: 2023-10-16\n');
    const d = diffSidecars({ ...sidecar, metadata }, { ...sidecar, metadata: { ...metadata, publisher: 'China Daily HK' } });
    expect(d.sidecarChanges).toEqual([{ field: 'metadata.publisher', before: 'China Daily', after: 'China Daily HK' }]);
    expect(diffSidecars(sidecar, sidecar).sidecarChanges).toEqual([]);
  });

  it('merges metadata field by field (git merge driver and the store)', () => {
    expect(mergeMetadata({ title: 'A', language: 'en' }, { title: 'B', language: 'en' }, { title: 'A', language: 'zh' })).toEqual({ title: 'B', language: 'zh' });
    expect(mergeMetadata(undefined, undefined, undefined)).toBeUndefined();
    const sidecar = readSidecar(golden, 'basic.yaml').sidecar!;
    const ours = writeSidecar({ ...sidecar, metadata: { title: 'Ours' } }, golden);
    const theirs = writeSidecar({ ...sidecar, metadata: { published: '2023' } }, golden);
    const merged = mergeSidecarTexts({ base: golden, ours, theirs, path: 'x.yaml' });
    expect(merged.status).toBe('clean');
    expect(readSidecar((merged as { text: string }).text, 'x.yaml').sidecar!.metadata).toEqual({ title: 'Ours', published: '2023' });
  });
});
