// Catalogue writes get the sidecar's guarantees: the cross-process lock, so two writers' edits both
// land, and containment, so nothing is written through a link out of the workspace.
import { describe, expect, it } from 'vitest';
import { editCatalogue, NEW_CATALOGUE } from '../../../src/core/entities/catalogue/writeCatalogue';
import { lockFileFor } from '../../../src/core/safety/fileLock';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const FILE = '/ws/annotations/entities.yaml';
const entry = (id: string) => `  - id: ${id}\n    type: person\n    name: ${id}\n`;
/** Adds one entity to the catalogue text, as Add to Catalogue does (the text in is what is on disk under the lock). */
const append = (id: string) => (text: string) => (text.includes('entities: []') ? text.replace('entities: []\n', `entities:\n${entry(id)}`) : text + entry(id));

describe('editCatalogue', () => {
  it('applies two writers’ edits on top of each other under the lock: both entities land', async () => {
    const fs = new MemoryFileSystem();
    fs.setText(FILE, NEW_CATALOGUE);
    const writer = (pid: number, id: string) => editCatalogue(fs, { root: '/ws', file: FILE, label: 'annotations/entities.yaml', others: [], edit: append(id), lock: { identity: { pid, host: 'h' }, ownerAlive: () => true } });
    await Promise.all([writer(1, 'alice'), writer(2, 'bob')]);
    const text = fs.text(FILE)!;
    expect(text).toContain('id: alice');
    expect(text).toContain('id: bob');
    expect(fs.text(lockFileFor(FILE))).toBeUndefined();
  });

  it('refuses a catalogue reached through a link out of the workspace, writing nothing', async () => {
    const fs = new MemoryFileSystem();
    fs.links.set('/ws/annotations', '/home/someone/.config');
    await expect(editCatalogue(fs, { root: '/ws', file: FILE, label: 'annotations/entities.yaml', others: [], edit: append('x') })).rejects.toThrow(/leads through a symbolic link to \/home\/someone\/\.config\/entities\.yaml, outside the workspace folder/);
    expect(fs.writes).toBe(0);
  });

  it('never overwrites a catalogue that has errors', async () => {
    const fs = new MemoryFileSystem();
    fs.setText(FILE, 'schemaVersion: 1\nentities: [\n');
    await expect(editCatalogue(fs, { root: '/ws', file: FILE, label: 'annotations/entities.yaml', others: [], edit: append('x') })).rejects.toThrow(/has errors; fix them first/);
    expect(fs.text(FILE)).toBe('schemaVersion: 1\nentities: [\n');
  });
});
