// A writer process for the fault tests, bundled by processHarness.ts and run with node. It writes one
// sidecar through SidecarStore (lock, check, merge, atomic rename) in a loop and reports each step on
// stdout with synchronous writes, so a parent that SIGKILLs it knows exactly what was on its way.
//
//   node writer.js churn    <root> <document> <tag> [iterations]   (each save adds one annotation)
//   node writer.js contend  <root> <document> <tag> <count>        (waits for "go" on stdin; then adds
//                                                                   <count> annotations, one save each)
// PA_NO_LOCK=1 (control runs only): saves as the store did before the lock: check, merge, rename.
import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { fingerprint } from '../../../src/core/anchoring/fingerprint';
import { createAnchor } from '../../../src/core/anchoring/createAnchor';
import { mergeAnnotations } from '../../../src/core/merge/mergeAnnotations';
import { Annotation, Sidecar } from '../../../src/core/model';
import { readText } from '../../../src/core/ports/fileSystem';
import { nodeFileSystem } from '../../../src/core/ports/nodeFileSystem';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { LoadedSidecar, SaveOutcome, SidecarStore } from '../../../src/core/store/sidecarStore';
import { writeSidecar } from '../../../src/core/store/writeSidecar';

export const CHILD_TEXT = 'Housing supply rose. '.repeat(400);

export function childAnnotation(id: string, n: number): Annotation {
  const start = (n * 21) % (CHILD_TEXT.length - 40);
  return {
    id,
    kind: 'note',
    anchor: createAnchor(CHILD_TEXT, start, start + 20),
    note: `written by ${id}: ${'x'.repeat(n % 300)}`,
    author: 'Writer',
    created: '2026-11-22T10:00:00Z',
    modified: '2026-11-22T10:00:00Z',
  };
}

/** The sidecar every churn run starts from. */
export function childSeed(document: string): Sidecar {
  return { schemaVersion: 1, document, fingerprint: fingerprint(new TextEncoder().encode(CHILD_TEXT)), annotations: [childAnnotation('seed-0', 0)] };
}

const say = (line: string) => writeSync(1, line + '\n');
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function save(store: SidecarStore, base: LoadedSidecar, sidecar: Sidecar): Promise<SaveOutcome> {
  if (!process.env.PA_NO_LOCK) return store.save(base, sidecar);
  // The pre-lock store: the gap between this read and the rename is the race the lock closes.
  const current = await readText(nodeFileSystem, base.file);
  const theirs = current === undefined ? [] : (readSidecar(current, base.name).sidecar?.annotations ?? []);
  const merged = current === base.text ? sidecar : { ...sidecar, annotations: mergeAnnotations(base.read.sidecar?.annotations ?? [], sidecar.annotations, theirs).annotations };
  const text = writeSidecar(merged, current);
  await nodeFileSystem.writeAtomic(base.file, text);
  return { kind: 'written', text, sidecar: merged, merged: false };
}

async function main(): Promise<void> {
  const [mode, root, document, tag, countArg] = process.argv.slice(2);
  const store = new SidecarStore(nodeFileSystem, root);

  if (mode === 'churn') {
    // The base is built here rather than read (no schema compile): the parent wrote childSeed().
    const seed = childSeed(document);
    let base: LoadedSidecar = { documentPath: document, file: store.fileFor(document), name: 'sidecar', text: await readText(nodeFileSystem, store.fileFor(document)), read: { sidecar: seed, problems: [], writable: true } };
    if (base.text !== writeSidecar(seed)) throw new Error('the sidecar is not the seed');
    const iterations = Number(countArg ?? 1e9);
    for (let i = 0; i < iterations; i++) {
      // Warmed up by two saves, so the parent's kill lands among saves at full speed.
      if (i === 2) say('start');
      const previous = base.read.sidecar!;
      const next: Sidecar = { ...previous, annotations: [...previous.annotations, childAnnotation(`${tag}-${i}`, i)] };
      const expected = writeSidecar(next, base.text);
      say(`next ${sha(expected)}`);
      const outcome = await save(store, base, next);
      if (outcome.kind !== 'written' || outcome.text !== expected) throw new Error(`unexpected outcome ${outcome.kind}`);
      say(`done ${sha(expected)}`);
      base = { ...base, text: outcome.text, read: { sidecar: next, problems: [], writable: true } };
    }
    return;
  }

  let base = await store.load(document);
  if (!base.read.sidecar) throw new Error(`cannot read the sidecar: ${JSON.stringify(base.read.problems)}`);
  if (mode === 'contend') {
    const count = Number(countArg);
    say('ready');
    await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
    const outcomes: string[] = [];
    for (let i = 0; i < count; i++) {
      // As the editor does: keep the text last written as the base; now and then reload it (a reopen).
      if (i % 3 === 2) base = await store.load(document);
      const previous = base.read.sidecar!;
      const next: Sidecar = { ...previous, annotations: [...previous.annotations, childAnnotation(`${tag}-${i}`, i)] };
      const outcome = await save(store, base, next);
      if (outcome.kind === 'refused') throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
      outcomes.push(outcome.kind);
      base = { ...base, text: outcome.text, read: readSidecar(outcome.text, base.name) };
    }
    say(`outcomes ${outcomes.join(',')}`);
    process.stdin.destroy();
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

// Only when run as the child (the tests import the helpers above).
if (process.env.PA_WRITER_CHILD) {
  main().catch((error: unknown) => {
    process.stderr.write(`writer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(3);
  });
}
