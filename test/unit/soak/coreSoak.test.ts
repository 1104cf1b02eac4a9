// Soak: the core driven through 10,000+ random operations the way the editor drives it (add, edit,
// delete, undo, typing in the document, saving, another writer changing the sidecar on disk with
// the change event arriving at once, late or never, reloading, writes that fail), with invariants
// checked after every step:
//   - deletions stick: a deleted annotation never comes back (only as a conflict naming the deletion,
//     when the other side edited it meanwhile), in memory or on disk;
//   - every annotation that was not deleted still exists (in memory always; on disk after each
//     successful write);
//   - the sidecar on disk always validates;
//   - every annotation in memory either has a span inside the text or is flagged (orphaned,
//     ambiguous), and every saved anchor quotes its words or carries a review entry.
// The session logic of src/vscode/annotations (loadSession.ts, annotationService.ts) is mirrored here
// in a few lines, since the unit tests run without VS Code. Seeded: PA_SOAK_SEED and PA_SOAK_OPS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/core/anchoring/fingerprint';
import type { Span, TextChange } from '../../../src/core/anchoring/types';
import { applyChangesToText } from '../../../src/core/anchoring/incremental';
import { buildAnnotation, timestamp, updateAnnotation } from '../../../src/core/editing/buildAnnotation';
import { canonicalJson } from '../../../src/core/canonicalJson';
import { mergeAnnotations } from '../../../src/core/merge/mergeAnnotations';
import { Annotation } from '../../../src/core/model';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { LoadedSidecar, SidecarStore } from '../../../src/core/store/sidecarStore';
import { applyAnchoring } from '../../../src/core/workspace/anchorSidecar';
import { DocumentAnnotations } from '../../../src/core/workspace/documentAnnotations';
import { UndoRecord, undoChange } from '../../../src/core/safety/undoChange';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const OPS = Number(process.env.PA_SOAK_OPS ?? 10_000);
const SEED = Number(process.env.PA_SOAK_SEED ?? 20261122);
const DOC = 'seeds/001_79ead2d7149b2ec1.txt';
const FILE = `/ws/annotations/${DOC}.yaml`;
const WORDS = ['housing', 'the', 'council', 'shall', 'provide', 'funding', 'of', 'HK$2 billion', 'by 2030', 'innovation', '—', 'and', 'policy', '\n', '. ', 'réforme', '🏠', 'e\u0301'];

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)], chance: (p: number) => next() < p };
}

interface UndoEntry extends UndoRecord {
  /** The ids the undone operation added and deleted: undo takes back exactly that. */
  added: string[];
  deleted: string[];
}

class Soak {
  readonly r = rng(SEED);
  readonly fs = new MemoryFileSystem();
  readonly store = new SidecarStore(this.fs, '/ws', 'annotations', { lock: { identity: { pid: 1, host: 'editor' }, ownerAlive: () => true } });
  readonly other = new SidecarStore(this.fs, '/ws', 'annotations', { lock: { identity: { pid: 2, host: 'cli' }, ownerAlive: () => true } });
  model!: DocumentAnnotations;
  /** The editor's text and the document as last saved. */
  text = readFileSync(join(__dirname, '..', '..', '..', DOC), 'utf8');
  disk = this.text;
  /** Ids that must exist: added and not deleted, by us or by the other writer. */
  readonly expected = new Set<string>();
  /** Ids deleted (by us or the other writer) and not undone: none may come back. */
  readonly deleted = new Set<string>();
  /** Deleted on one side while changed on the other: kept, marked as a conflict naming both (not a revival). */
  deleteEditConflicts = 0;
  deletions = 0;
  readonly revived: string[] = [];
  /** Each deleted annotation's fields when deleted: a conflict counts only if it was edited since. */
  readonly deletedAs = new Map<string, string>();
  static fields(a: Annotation): string {
    return canonicalJson({ ...a, anchor: undefined, review: undefined, modified: undefined });
  }
  /** Per id, what happened to it (for the message when an invariant fails). */
  readonly story = new Map<string, string[]>();
  private seen = new Map<string, string>();
  tell(id: string, what: string): void {
    const s = this.story.get(id) ?? [];
    s.push(what);
    if (s.length > 12) s.shift();
    this.story.set(id, s);
  }
  readonly created = new Set<string>();
  undo: UndoEntry[] = [];
  pendingEvents = 0;
  clock = Date.parse('2026-11-22T10:00:00Z');
  readonly counts: Record<string, number> = {};
  writeFailures = 0;
  readonly history: string[] = [];
  /** What git's object store would hold (the editor stores the blob of every text it writes anchors for). */
  readonly blobs = new Map<string, string>();

  blob(text: string): string {
    const id = fingerprint(new TextEncoder().encode(text));
    this.blobs.set(id, text);
    return id;
  }

  async open(): Promise<void> {
    this.model = new DocumentAnnotations(DOC, await this.store.load(DOC));
    await this.anchorLoaded(this.model.base);
  }

  now(): Date {
    return new Date((this.clock += 1000));
  }

  // --- loadSession.ts ---
  async anchorLoaded(loaded: LoadedSidecar): Promise<void> {
    const sidecar = loaded.read.sidecar;
    this.model.base = loaded;
    if (!sidecar) return this.model.reset({ schemaVersion: 1, document: DOC, fingerprint: '', annotations: [] }, []);
    const oldText = sidecar.fingerprint === this.blob(this.disk) ? this.disk : this.blobs.get(sidecar.fingerprint);
    const anchored = applyAnchoring(sidecar, this.text, oldText);
    this.model.reset(anchored.sidecar, anchored.outcomes);
  }

  mergeFromDisk(theirs: LoadedSidecar): void {
    const ours = this.model.toSidecar(this.text, this.model.base.read.sidecar?.fingerprint ?? '');
    const merged = mergeAnnotations(this.model.base.read.sidecar?.annotations ?? [], ours.annotations, theirs.read.sidecar?.annotations ?? []);
    const anchored = applyAnchoring({ ...ours, annotations: merged.annotations }, this.text, undefined);
    this.model.base = theirs;
    this.model.reset(anchored.sidecar, anchored.outcomes, true);
  }

  // --- annotationService.ts writeSidecar (persist after each command, and on save) ---
  async write(text: string, depth = 0): Promise<boolean> {
    const sidecar = this.model.toSidecar(text, this.blob(text));
    if (this.r.chance(0.03)) this.fs.failNextWrite = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    let outcome;
    try {
      outcome = await this.store.save(this.model.base, sidecar);
    } catch {
      this.writeFailures++;
      return false; // kept in memory, dirty, for the next save
    } finally {
      this.fs.failNextWrite = undefined; // not spent when nothing needed writing
    }
    if (outcome.kind === 'refused') throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
    this.history.push(`write ${outcome.kind} depth ${depth}`);
    const base: LoadedSidecar = { ...this.model.base, text: outcome.text, read: outcome.read ?? readSidecar(outcome.text, this.model.base.name) };
    if (outcome.kind === 'merged') {
      const anchored = applyAnchoring(outcome.sidecar, this.text, undefined);
      this.model.base = base;
      this.model.reset(anchored.sidecar, anchored.outcomes);
      // Their annotations were anchored on another version of the document: written again as placed in this one.
      if (depth < 2 && canonicalJson(anchored.sidecar.annotations) !== canonicalJson(outcome.sidecar.annotations)) {
        this.model.dirty = true;
        return this.write(text, depth + 1);
      }
    } else this.model.markSaved(base, outcome.sidecar);
    return true;
  }

  // --- annotationService.ts sidecarChanged ---
  async sidecarChanged(): Promise<void> {
    const loaded = await this.store.load(DOC);
    if (loaded.text === this.model.base.text) return;
    if (this.model.dirty && loaded.read.writable) this.mergeFromDisk(loaded);
    else if (loaded.read.sidecar) await this.anchorLoaded(loaded);
    else this.model.base = loaded;
  }

  // --- annotationEditor.ts commit / undo ---
  async commit(mutate: () => void, added: string[], deleted: string[]): Promise<void> {
    const before = this.model.snapshot();
    mutate();
    this.undo.push({ before, after: this.model.snapshot(), added, deleted });
    if (this.undo.length > 50) this.undo.shift();
    await this.write(this.text);
  }

  randomSpan(length = this.text.length): Span {
    const start = this.r.int(Math.max(1, length - 80));
    return { start, end: Math.min(length, start + 3 + this.r.int(60)) };
  }

  async step(): Promise<string> {
    const r = this.r;
    const items = this.model.list();
    const crowded = items.length > 15;
    const weights: Array<[string, number]> = [
      ['add', crowded ? 3 : 12],
      ['edit', items.length ? 10 : 0],
      ['delete', items.length ? (crowded ? 14 : 6) : 0],
      ['undo', 6],
      ['type', 24],
      ['save', 10],
      ['external', 12],
      ['late', this.pendingEvents ? 6 : 0],
      ['reload', 3],
      ['checkout', 2],
    ];
    let roll = r.next() * weights.reduce((n, [, w]) => n + w, 0);
    const choice = weights.find(([, w]) => (roll -= w) < 0)?.[0];
    if (choice === 'add') {
      const span = this.randomSpan();
      const kind = r.pick(['claim', 'note', 'stance'] as const);
      const a = buildAnnotation(kind, this.text, span, { note: r.chance(0.5) ? `note ${r.int(1000)}` : undefined, target: 'topic:housing', polarity: 'support', tags: r.chance(0.3) ? ['t1', 't2'] : undefined }, { author: 'Soak', now: this.now(), takenIds: this.created });
      this.created.add(a.id);
      this.expected.add(a.id);
      await this.commit(() => this.model.add(a, span), [a.id], []);
      return 'add';
    }
    if (choice === 'edit') {
      const item = r.pick(items);
      const updated = updateAnnotation(item.annotation, { note: r.chance(0.2) ? '' : `edited ${r.int(1e6)}`, tags: r.chance(0.2) ? ['edited'] : undefined }, this.now());
      await this.commit(() => this.model.update(updated), [], []);
      return 'edit';
    }
    if (choice === 'delete') {
      const id = r.pick(items).annotation.id;
      this.tell(id, `op delete by us`);
      this.deletedAs.set(id, Soak.fields(this.model.get(id)!.annotation));
      this.expected.delete(id);
      this.deleted.add(id);
      this.deletions++;
      await this.commit(() => this.model.remove(id), [], [id]);
      return 'delete';
    }
    if (choice === 'undo') {
      const entry = this.undo.pop();
      if (!entry) return 'undo (nothing)';
      // Not model.restore(entry.before) (a whole snapshot) nor the old span: see undoChange.ts and undo.test.ts.
      undoChange(this.model, entry, this.text);
      for (const id of [...entry.added, ...entry.deleted]) this.tell(id, 'undo');
      // Undo takes back exactly this change: an addition is deleted (if still there), a deletion
      // restored (unless the other writer deleted it meanwhile: that deletion sticks).
      for (const id of entry.added) if (this.expected.delete(id)) this.deleted.add(id);
      for (const id of entry.deleted) if (this.deleted.delete(id)) this.expected.add(id);
      await this.write(this.text);
      return 'undo';
    }
    if (choice === 'type') {
      const changes: TextChange[] = [];
      let text = this.text;
      for (let n = 1 + r.int(3); n > 0; n--) {
        const at = r.int(text.length + 1);
        const shrink = text.length > 12_000 ? 0.9 : text.length < 6000 ? 0.1 : 0.45;
        const change: TextChange = r.chance(shrink)
          ? { start: at, end: Math.min(text.length, at + 1 + r.int(r.chance(0.1) ? 400 : 30)), text: r.chance(0.5) ? '' : r.pick(WORDS) }
          : { start: at, end: at, text: Array.from({ length: 1 + r.int(4) }, () => r.pick(WORDS)).join(' ') };
        changes.push(change);
        text = applyChangesToText(text, [change]);
      }
      this.text = text;
      this.model.applyEdits(changes);
      return 'type';
    }
    if (choice === 'save') {
      this.disk = this.text;
      if (this.model.list().length || this.model.base.text !== undefined) await this.write(this.text);
      return 'save';
    }
    if (choice === 'external') {
      await this.external();
      if (r.chance(0.6)) await this.sidecarChanged();
      else this.pendingEvents++;
      return 'external change';
    }
    if (choice === 'late') {
      this.pendingEvents--;
      await this.sidecarChanged();
      return 'late change event';
    }
    if (choice === 'reload') {
      // Reload Annotations / a settings change: dirty in-memory changes are merged, never dropped.
      const loaded = await this.store.load(DOC);
      if (this.model.dirty && loaded.read.writable) this.mergeFromDisk(loaded);
      else await this.anchorLoaded(loaded);
      return 'reload';
    }
    if (choice === 'checkout') {
      // Git checkout of the document while it is open: VS Code reloads it with one edit between the
      // unchanged first and last lines (ModelService.updateModel); the sidecar stays as it is.
      const at = Math.min(this.text.length, 200 + this.r.int(2000));
      const change: TextChange = { start: at, end: Math.min(this.text.length, at + this.r.int(300)), text: 'A paragraph rewritten upstream.\n' };
      this.text = this.disk = applyChangesToText(this.text, [change]);
      this.model.applyEdits([change]);
      return 'checkout';
    }
    return 'idle';
  }

  /**
   * Another writer adds, edits or deletes on disk, as the CLI (import, status --write) does: the
   * sidecar re-anchored on the document as saved (through git's blob of its fingerprint), and that
   * document's fingerprint written.
   */
  async external(): Promise<void> {
    const r = this.r;
    const loaded = await this.other.load(DOC);
    const onDisk = loaded.read.sidecar!;
    const old = onDisk.fingerprint === this.blob(this.disk) ? this.disk : this.blobs.get(onDisk.fingerprint);
    const sidecar = { ...applyAnchoring(onDisk, this.disk, old).sidecar, fingerprint: this.blob(this.disk) };
    let annotations = sidecar.annotations;
    const own = annotations.filter((a) => a.id.startsWith('x'));
    const roll = r.next();
    if (roll < 0.5 || !annotations.length) {
      const start = r.int(Math.max(1, this.disk.length - 60));
      const a = buildAnnotation('note', this.disk, { start, end: start + 5 + r.int(40) }, { note: 'from another window' }, { author: 'Other', now: this.now(), takenIds: this.created });
      const id = `x${a.id.slice(1)}`;
      this.created.add(id);
      this.expected.add(id);
      annotations = [...annotations, { ...a, id }];
    } else if (roll < 0.75 && own.length) {
      const gone = r.pick(own).id;
      this.tell(gone, 'deleted by the other writer');
      this.deletedAs.set(gone, Soak.fields(own.find((a) => a.id === gone)!));
      this.expected.delete(gone);
      this.deleted.add(gone);
      this.deletions++;
      annotations = annotations.filter((a) => a.id !== gone);
    } else {
      const target = r.pick(annotations);
      this.tell(target.id, 'edited by the other writer');
      annotations = annotations.map((a) => (a === target ? ({ ...a, note: `changed elsewhere ${r.int(1e6)}`, modified: timestamp(this.now()) } as Annotation) : a));
    }
    const outcome = await this.other.save(loaded, { ...sidecar, annotations });
    if (outcome.kind === 'refused') throw new Error('the other writer was refused');
  }

  check(op: string, i: number): void {
    const where = `after op ${i} (${op}, seed ${SEED})`;

    const ids = this.model.list().map((l) => l.annotation.id);
    expect(new Set(ids).size, `${where}: duplicate ids in memory`).toBe(ids.length);
    const onDisk = this.fs.text(FILE);
    const read = onDisk === undefined ? undefined : readSidecar(onDisk, 'sidecar');
    expect(read?.problems ?? [], `${where}: the sidecar does not validate`).toEqual([]);
    // What happened to each id, for the messages below.
    {
      const disk = read?.sidecar?.annotations ?? [];
      const now = new Map<string, string>();
      for (const l of this.model.list()) now.set(l.annotation.id, `mem ${l.annotation.note ?? ''} ${l.annotation.review?.status ?? ''}`);
      for (const a of disk) now.set(a.id, `${now.get(a.id) ?? 'mem -'} | disk ${a.note ?? ''} ${a.review?.status ?? ''}`);
      for (const a of this.model.base.read.sidecar?.annotations ?? []) now.set(a.id, `${now.get(a.id) ?? 'mem - | disk -'} | base ${a.note ?? ''} ${a.review?.status ?? ''}`);
      for (const id of new Set([...now.keys(), ...this.seen.keys()])) if (now.get(id) !== this.seen.get(id)) this.tell(id, `op ${i} ${op}: ${now.get(id) ?? 'gone'} (dirty ${this.model.dirty}, pending ${this.pendingEvents})`);
      this.seen = now;
    }
    const saved = new Set(read?.sidecar?.annotations.map((a) => a.id) ?? []);
    const lost = [...this.expected].filter((id) => !ids.includes(id) && !saved.has(id));
    expect(lost, `${lost.map((id) => (this.story.get(id) ?? []).join('\n')).join('\n')}\n${where}: annotations lost (neither in memory nor on disk); last steps: ${this.history.slice(-8).join(', ')}`).toEqual([]);
    // Once every change event has arrived, memory holds everything; when nothing is unsaved, so does the disk.
    if (!this.pendingEvents) expect([...this.expected].filter((id) => !ids.includes(id)), `${where}: annotations missing from memory`).toEqual([]);
    if (!this.model.dirty && !this.pendingEvents) expect([...this.expected].filter((id) => !saved.has(id)), `${where}: annotations written but missing on disk`).toEqual([]);
    for (const id of ids) expect(this.created.has(id), `${where}: ${id} came from nowhere`).toBe(true);
    // Deletions stick: a deleted id is back only as a conflict that names the deletion (deleted on one
    // side, edited on the other), which then stands until a person settles it. Memory learns of the
    // other writer's deletion when its change event arrives, and the disk of ours at the next
    // successful write: each is checked once it is due.
    const memoryById = new Map(this.model.list().map((l) => [l.annotation.id, l.annotation]));
    const diskById = new Map(read?.sidecar?.annotations.map((a) => [a.id, a]) ?? []);
    for (const id of this.deleted) {
      const seen = [memoryById.get(id), diskById.get(id)].find((a) => a?.review?.status === 'conflict' && /deleted on/.test(a.review.reason ?? '') && Soak.fields(a) !== this.deletedAs.get(id));
      if (seen) {
        this.deleted.delete(id);
        this.expected.add(id);
        this.deleteEditConflicts++;
        continue;
      }
      const back = (!this.pendingEvents && memoryById.has(id)) || (!this.pendingEvents && !this.model.dirty && diskById.has(id));
      if (!back) continue;
      // The message (each id's story) is built only on failure: built for every deleted id at every
      // step, it made the soak several times slower.
      this.revived.push(id);
      expect(back, `${(this.story.get(id) ?? []).join('\n')}\n${where}: ${id} was deleted and came back (${memoryById.has(id) ? 'in memory' : 'on disk'}, review ${JSON.stringify((memoryById.get(id) ?? diskById.get(id))?.review)}); last steps: ${this.history.slice(-12).join(', ')}`).toBe(false);
    }
    for (const live of this.model.list()) {
      if (live.span) {
        expect(0 <= live.span.start && live.span.start < live.span.end && live.span.end <= this.text.length, `${where}: span of ${live.annotation.id} outside the text`).toBe(true);
      } else expect(['orphaned', 'ambiguous'], `${where}: ${live.annotation.id} has no place but is ${live.status}`).toContain(live.status);
    }
    // Every anchor on disk quotes its words in the text its fingerprint names, or is flagged. (Right
    // after a merge, the other side's anchors refer to its text until the rewrite: dirty until then.)
    const named = read?.sidecar && this.blobs.get(read.sidecar.fingerprint);
    if (named !== undefined && read && !this.model.dirty) {
      for (const a of read.sidecar!.annotations) {
        if (a.review) continue;
        expect(named.slice(a.anchor.start, a.anchor.end), `${where}: ${a.id} is not on its words and not flagged; last steps: ${this.history.slice(-8).join(', ')}`).toBe(a.anchor.exact);
      }
    }
  }
}

describe('soak: the core under random operations', () => {
  it(`keeps every annotation through ${OPS} operations`, async () => {
    const soak = new Soak();
    await soak.open();
    const started = performance.now();
    const slow: Record<string, number> = {};
    for (let i = 0; i < OPS; i++) {
      const t = performance.now();
      const op = await soak.step();
      soak.history.push(`op ${i} ${op}`);
      if (soak.history.length > 100) soak.history.splice(0, 50);
      slow[op] = (slow[op] ?? 0) + performance.now() - t;
      soak.counts[op] = (soak.counts[op] ?? 0) + 1;
      soak.check(op, i);
    }
    expect(soak.revived).toEqual([]);
    if (OPS >= 10_000) expect(soak.deletions).toBeGreaterThan(1000);
    const finalSave = await soak.write(soak.text);
    if (finalSave) soak.check('save', OPS);
    console.log(`soak: ${soak.deletions} deletions, ${soak.revived.length} revived, ${soak.deleteEditConflicts} kept as delete/edit conflicts; 0 lost`);
    console.log(`soak: ${OPS} operations in ${Math.round(performance.now() - started)} ms, seed ${SEED}: ${JSON.stringify(soak.counts)}; ${soak.writeFailures} failed writes; ${soak.model.list().length} annotations at the end, ${soak.expected.size} expected; ms per kind ${JSON.stringify(Object.fromEntries(Object.entries(slow).map(([k, v]) => [k, Math.round(v)])))}`);
  }, 1_800_000);
});
