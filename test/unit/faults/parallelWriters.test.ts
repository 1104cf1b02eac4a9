// Two writers at once (two VS Code windows, the CLI's status --write or an import while the editor
// has the document open) must never lose each other's annotations: writer processes start together
// on one sidecar, each adding its own annotations through SidecarStore, many times; afterwards every
// annotation any of them added must be in the file. PA_CONTROL=1 also runs the same race with the
// pre-lock store, to show the test catches the losses the lock prevents.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { bundleWriter, inParallel, startWriter, WriterBundle } from './processHarness';
import { CHILD_TEXT, childSeed } from './writerChild';

const ROUNDS = Number(process.env.PA_WRITER_ROUNDS ?? 12);
const WRITERS = 3;
const EACH = 6;
const DOC = 'doc.txt';

let writer: WriterBundle;
beforeAll(async () => {
  writer = await bundleWriter();
});
afterAll(() => writer?.dispose());

interface Round {
  lost: string[];
  merged: number;
}

async function race(round: number, env: Record<string, string>): Promise<Round> {
  const root = mkdtempSync(join(tmpdir(), 'pa-race-'));
  try {
    writeFileSync(join(root, DOC), CHILD_TEXT);
    mkdirSync(join(root, 'annotations'));
    const file = join(root, 'annotations', `${DOC}.yaml`);
    writeFileSync(file, writeSidecar(childSeed(DOC)));
    const writers = Array.from({ length: WRITERS }, (_, w) => startWriter(writer.script, ['contend', root, DOC, `r${round}w${w}`, String(EACH)], env));
    await Promise.all(writers.map((w) => w.waitForLine('ready')));
    for (const w of writers) w.child.stdin!.write('go\n');
    const exits = await Promise.all(writers.map((w) => w.exited));
    exits.forEach((e) => expect(e.code, e.stderr).toBe(0));
    const read = readSidecar(readFileSync(file, 'utf8'), 'annotations/doc.txt.yaml');
    expect(read.problems).toEqual([]);
    const present = new Set(read.sidecar!.annotations.map((a) => a.id));
    const expected = ['seed-0', ...writers.flatMap((_, w) => Array.from({ length: EACH }, (_, i) => `r${round}w${w}-${i}`))];
    const outcomes = writers.flatMap((w) => (w.lines.find((l) => l.startsWith('outcomes '))?.slice(9).split(',') ?? []));
    return { lost: expected.filter((id) => !present.has(id)), merged: outcomes.filter((o) => o === 'merged').length };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('writers in parallel processes', () => {
  it(`never lose an annotation (${ROUNDS} rounds of ${WRITERS} writers × ${EACH} saves)`, async () => {
    const rounds = await inParallel(ROUNDS, 2, (r) => race(r, {}));
    const lost = rounds.flatMap((r) => r.lost);
    const merged = rounds.reduce((n, r) => n + r.merged, 0);
    console.log(`parallel writers: ${JSON.stringify({ rounds: ROUNDS, processes: ROUNDS * WRITERS, saves: ROUNDS * WRITERS * EACH, mergedSaves: merged, losses: lost.length })}`);
    expect(lost).toEqual([]);
    // The writers must really have overlapped, or the test proves nothing.
    expect(merged).toBeGreaterThan(0);
  }, 120_000);

  it.runIf(process.env.PA_CONTROL)('control: the pre-lock store loses annotations in the same race', async () => {
    const rounds = await inParallel(ROUNDS, 2, (r) => race(r, { PA_NO_LOCK: '1' }));
    const lost = rounds.flatMap((r) => r.lost);
    console.log(`control (no lock): ${JSON.stringify({ rounds: ROUNDS, losses: lost.length })}`);
    expect(lost.length).toBeGreaterThan(0);
  }, 120_000);
});
