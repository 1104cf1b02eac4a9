import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Claim } from '../../../src/core/model';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const basic = readFileSync(join(__dirname, 'golden', 'basic.yaml'), 'utf8');
const doc = 'seeds/000_d3c97eb98561e2fd.txt';
const file = join('/ws', 'annotations', 'seeds', '000_d3c97eb98561e2fd.txt.yaml');

function setup(text = basic) {
  const fs = new MemoryFileSystem();
  fs.setText(file, text);
  return { fs, store: new SidecarStore(fs, '/ws') };
}

describe('SidecarStore', () => {
  it('puts the sidecar at annotations/<document path>.yaml', () => {
    expect(setup().store.fileFor(doc)).toBe(file);
  });

  it('loads a missing sidecar as empty and writable, and does not create a file for nothing', async () => {
    const fs = new MemoryFileSystem();
    const store = new SidecarStore(fs, '/ws');
    const base = await store.load(doc);
    expect(base.read.sidecar!.annotations).toEqual([]);
    // A fingerprint is required: the store never writes a sidecar it could not read back (faults/storeFaults.test.ts).
    const outcome = await store.save(base, { ...base.read.sidecar!, fingerprint: 'a'.repeat(40) });
    expect(outcome.kind).toBe('written');
    expect(fs.text(file)).toMatch(/^annotations: \[\]$/m);
  });

  it('does not touch the file when nothing changed', async () => {
    const { fs, store } = setup();
    const base = await store.load(doc);
    expect((await store.save(base, base.read.sidecar!)).kind).toBe('unchanged');
    expect(fs.writes).toBe(0);
  });

  it('never overwrites a sidecar it could not read', async () => {
    const broken = basic.replace('    polarity: oppose\n', '<<<<<<< HEAD\n    polarity: oppose\n=======\n    polarity: mixed\n>>>>>>> b\n');
    const { fs, store } = setup(broken);
    const base = await store.load(doc);
    const outcome = await store.save(base, { schemaVersion: 1, document: doc, fingerprint: 'a'.repeat(40), annotations: [] });
    expect(outcome.kind).toBe('refused');
    expect(fs.text(file)).toBe(broken);
  });

  it('merges by id when the file changed on disk after it was loaded', async () => {
    const { fs, store } = setup();
    const base = await store.load(doc);
    // Another writer changes one annotation on disk.
    fs.setText(file, basic.replace('polarity: oppose', 'polarity: mixed'));
    // We change a different one.
    const ours = structuredClone(base.read.sidecar!);
    (ours.annotations.find((a) => a.id === 'k3m9x2qa') as Claim).label = 'Edited here';
    const outcome = await store.save(base, ours);
    expect(outcome.kind).toBe('merged');
    const text = fs.text(file)!;
    expect(text).toContain('polarity: mixed');
    expect(text).toContain('label: Edited here');
  });

  it('keeps both sides when both changed the same annotation, marked as a conflict', async () => {
    const { fs, store } = setup();
    const base = await store.load(doc);
    fs.setText(file, basic.replace('label: Hong Kong spends a lower share of GDP on R&D', 'label: Theirs'));
    const ours = structuredClone(base.read.sidecar!);
    (ours.annotations.find((a) => a.id === 'k3m9x2qa') as Claim).label = 'Ours';
    const outcome = await store.save(base, ours);
    expect(outcome.kind === 'merged' && outcome.conflicts).toEqual(['k3m9x2qa']);
    const text = fs.text(file)!;
    expect(text).toContain('label: Ours');
    expect(text).toMatch(/status: conflict\n\s+reason: .*label: \\?"Theirs/);
  });

  it('refuses to merge into a file that became unreadable on disk', async () => {
    const { fs, store } = setup();
    const base = await store.load(doc);
    fs.setText(file, 'annotations: [oops');
    const outcome = await store.save(base, base.read.sidecar!);
    expect(outcome.kind).toBe('refused');
    expect(fs.text(file)).toBe('annotations: [oops');
  });

  it('passes a failed write to the caller and leaves the old file', async () => {
    const { fs, store } = setup();
    const base = await store.load(doc);
    const changed = structuredClone(base.read.sidecar!);
    changed.annotations.pop();
    fs.failNextWrite = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    await expect(store.save(base, changed)).rejects.toThrow(/ENOSPC/);
    expect(fs.text(file)).toBe(basic);
  });
});
