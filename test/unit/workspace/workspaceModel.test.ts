import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeLister } from '../../../src/core/ports/nodeDirectoryLister';
import { nodeFileSystem } from '../../../src/core/ports/nodeFileSystem';
import type { FileChange, FileWatcher } from '../../../src/core/ports/fileWatcher';
import type { FileFinder } from '../../../src/core/ports/fileFinder';
import type { FolderSpec, WorkspaceChange } from '../../../src/core/workspace/folderModel';
import { WorkspaceModel } from '../../../src/core/workspace/workspaceModel';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import type { Annotation } from '../../../src/core/model';

/** A watcher the test drives: it reports what the test says changed, like VS Code's would. */
class ManualWatcher implements FileWatcher {
  readonly watches: Array<{ root: string; glob: string; onChange: (c: FileChange) => void }> = [];
  watch(root: string, glob: string, onChange: (c: FileChange) => void) {
    const w = { root, glob, onChange };
    this.watches.push(w);
    return { dispose: () => this.watches.splice(this.watches.indexOf(w), 1) };
  }
  report(path: string, kind: FileChange['kind'] = 'changed'): void {
    for (const w of [...this.watches]) {
      const rel = relative(w.root, path);
      if (!rel.startsWith('..') && matches(rel, w.glob)) w.onChange({ kind, path });
    }
  }
}

/** The few glob shapes the settings use: `dir/**\/*.yaml`, `**\/*.{txt,md}` and plain paths. */
function matches(rel: string, glob: string): boolean {
  const re = glob
    .replace(/[.+^$()|]/g, '\\$&')
    .replace(/\{([^}]*)\}/g, (_, alts: string) => `(${alts.split(',').join('|')})`)
    .replace(/\*\*\//g, '(.*/)?')
    .replace(/\*/g, '[^/]*');
  return new RegExp(`^${re}$`).test(rel.split('\\').join('/'));
}

const finder: FileFinder = {
  async find(root, glob) {
    return (await nodeLister.listFiles(root)).filter((f) => matches(relative(root, f), glob));
  },
};

const claim = (id: string, exact: string, start: number, extra: Partial<Annotation> = {}): Annotation =>
  ({ id, kind: 'claim', label: exact, speaker: 'author', claimType: 'factual', anchor: { exact, prefix: '', suffix: '', start, end: start + exact.length }, author: 'a', created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z', ...extra }) as Annotation;

let base: string;
const write = (file: string, text: string) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};
const sidecar = (root: string, documentPath: string, annotations: Annotation[]) =>
  write(join(root, 'annotations', `${documentPath}.yaml`), writeSidecar({ schemaVersion: 1, document: documentPath, fingerprint: 'a'.repeat(40), annotations }));
const catalogue = (root: string, id: string, name: string) => write(join(root, 'annotations', 'entities.yaml'), `schemaVersion: 1\nentities:\n  - id: ${id}\n    type: organisation\n    name: ${name}\n`);
const spec = (root: string, name: string): FolderSpec => ({ root, name, annotationsFolder: 'annotations', documentGlob: '**/*.{txt,md}', catalogues: ['annotations/entities.yaml'], maxDocumentSize: 1_000_000, labelPrefix: name });

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'pa-model-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('WorkspaceModel', () => {
  it('keeps each folder of a two-folder workspace apart: its own sidecars and catalogue', async () => {
    const [a, b] = [join(base, 'alpha'), join(base, 'beta')];
    write(join(a, 'plan.txt'), 'The Housing Board will build homes.');
    sidecar(a, 'plan.txt', [claim('aaaa1111', 'The Housing Board', 0)]);
    catalogue(a, 'housing-board', 'Housing Board');
    write(join(b, 'notes.md'), 'The Transit Office runs buses.');
    sidecar(b, 'notes.md', [claim('bbbb2222', 'Transit Office', 4)]);
    catalogue(b, 'transit-office', 'Transit Office');
    const model = new WorkspaceModel({ fs: nodeFileSystem, lister: nodeLister, finder });
    model.setFolders([spec(a, 'alpha'), spec(b, 'beta')]);
    await model.ready();

    const [fa, fb] = model.folders();
    expect(fa.index.documents().map((d) => d.documentPath)).toEqual(['plan.txt']);
    expect(fb.index.documents().map((d) => d.documentPath)).toEqual(['notes.md']);
    expect(fa.catalogue?.index.entity('housing-board')?.name).toBe('Housing Board');
    expect(fa.catalogue?.index.entity('transit-office')).toBeUndefined();
    expect(fb.catalogue?.files.map((f) => f.file)).toEqual(['beta/annotations/entities.yaml']);
    expect(model.folderOf(join(b, 'notes.md'))).toBe(fb);

    await Promise.all([fa.mentions.ensure(), fb.mentions.ensure()]);
    expect([...fa.mentions.entries()].map(([d, m]) => [d, [...m.keys()]])).toEqual([['plan.txt', ['housing-board']]]);
    expect([...fb.mentions.entries()].map(([d, m]) => [d, [...m.keys()]])).toEqual([['notes.md', ['transit-office']]]);
    model.dispose();
  });

  it('re-reads only the sidecar the watcher reports, and says so before and after', async () => {
    const root = join(base, 'ws');
    for (let i = 0; i < 3; i++) sidecar(root, `doc-${i}.txt`, [claim(`id00000${i}`, `claim ${i}`, 0)]);
    const watcher = new ManualWatcher();
    const model = new WorkspaceModel({ fs: nodeFileSystem, lister: nodeLister, finder, watcher });
    model.setFolders([spec(root, 'ws')]);
    await model.ready();
    const changes: WorkspaceChange[] = [];
    model.onDidChange((c) => changes.push(c));

    sidecar(root, 'doc-1.txt', [claim('id000001', 'claim 1', 0), claim('id000009', 'a new claim', 10)]);
    watcher.report(join(root, 'annotations', 'doc-1.txt.yaml'));
    await new Promise((r) => setTimeout(r, 100));

    expect(changes.map((c) => c.kind)).toEqual(['sidecar-file', 'index']);
    expect(changes[1]).toMatchObject({ kind: 'index', documentPaths: ['doc-1.txt'] });
    expect(model.folders()[0].index.byId('id000009')[0]?.exact).toBe('a new claim');
    expect(model.folders()[0].index.documents()).toHaveLength(3);
    model.dispose();
    expect(watcher.watches).toHaveLength(0);
  });

  it('reloads the catalogue when its file changes, and rescans mentions with it', async () => {
    const root = join(base, 'ws');
    write(join(root, 'a.txt'), 'Acme Corp and Globex met.');
    catalogue(root, 'acme', 'Acme Corp');
    const watcher = new ManualWatcher();
    const model = new WorkspaceModel({ fs: nodeFileSystem, lister: nodeLister, finder, watcher });
    model.setFolders([spec(root, 'ws')]);
    await model.ready();
    const folder = model.folders()[0];
    await folder.mentions.ensure();
    expect([...folder.mentions.entries()][0][1].has('globex')).toBe(false);

    catalogue(root, 'globex', 'Globex');
    watcher.report(join(root, 'annotations', 'entities.yaml'));
    await new Promise((r) => setTimeout(r, 400));
    await folder.mentions.ensure();
    expect(folder.catalogue?.index.entity('globex')).toBeDefined();
    expect([...folder.mentions.entries()][0][1].get('globex')).toEqual([0, 14, 0, 20]);
    model.dispose();
  });

  it('runs without a watcher, as the CLI does: a snapshot reloaded on request', async () => {
    const root = join(base, 'ws');
    sidecar(root, 'a.txt', [claim('aaaa0001', 'x', 0)]);
    const model = new WorkspaceModel({ fs: nodeFileSystem, lister: nodeLister });
    model.setFolders([spec(root, 'ws')]);
    await model.ready();
    sidecar(root, 'b.txt', [claim('bbbb0001', 'y', 0)]);
    expect(model.folders()[0].index.documents()).toHaveLength(1);
    await model.reloadFolder(root)!.ready;
    expect(model.folders()[0].index.documents().map((d) => d.documentPath)).toEqual(['a.txt', 'b.txt']);
    model.dispose();
  });
});
