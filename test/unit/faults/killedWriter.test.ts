// A write interrupted at any moment leaves the old or the new sidecar, never a torn one: writer
// processes are SIGKILLed at random points of their save loop (between lock and check, between temp
// write and rename, mid-fsync...), many times. After each kill the sidecar must parse and be exactly
// what was there before the interrupted save or what it was writing; leftover temp files and locks
// must not be taken for sidecars, must not block the next writer, and are cleaned up by it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectDocuments } from '../../../src/core/services';
import { nodeFileSystem } from '../../../src/core/ports/nodeFileSystem';
import { documentPathFor } from '../../../src/core/store/documentPaths';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { SidecarStore } from '../../../src/core/store/sidecarStore';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { bundleWriter, inParallel, startWriter, WriterBundle } from './processHarness';
import { CHILD_TEXT, childAnnotation, childSeed } from './writerChild';

const RUNS = Number(process.env.PA_KILL_RUNS ?? 100);
const DOC = 'doc.txt';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let writer: WriterBundle;
beforeAll(async () => {
  writer = await bundleWriter();
});
afterAll(() => writer?.dispose());

function workspace(): { root: string; file: string; initial: string } {
  const root = mkdtempSync(join(tmpdir(), 'pa-kill-'));
  writeFileSync(join(root, DOC), CHILD_TEXT);
  const initial = writeSidecar(childSeed(DOC));
  const file = join(root, 'annotations', `${DOC}.yaml`);
  mkdirSync(join(root, 'annotations'));
  writeFileSync(file, initial);
  return { root, file, initial };
}

interface KillResult {
  outcome: 'old' | 'new';
  saves: number;
  tempLeft: number;
  lockLeft: boolean;
}

async function killOnce(run: number): Promise<KillResult> {
  const { root, file, initial } = workspace();
  try {
    // Several kills per workspace: each child starts from what the last one left, temp files and a lock included.
    const w = startWriter(writer.script, ['churn', root, DOC, `k${run}`]);
    await w.waitForLine('start');
    await new Promise((r) => setTimeout(r, Math.random() * 30));
    w.child.kill('SIGKILL');
    const exit = await w.exited;
    expect(exit.signal, exit.stderr).toBe('SIGKILL');

    const dones = w.lines.filter((l) => l.startsWith('done ')).map((l) => l.slice(5));
    const lastNext = w.lines.filter((l) => l.startsWith('next ')).map((l) => l.slice(5)).at(-1);
    const before = dones.at(-1) ?? sha(initial);
    const inFlight = lastNext !== undefined && lastNext !== dones.at(-1) ? lastNext : undefined;
    const text = readFileSync(file, 'utf8');
    const read = readSidecar(text, 'annotations/doc.txt.yaml');
    expect(read.problems, `run ${run}: the sidecar does not parse after the kill`).toEqual([]);
    expect([before, inFlight], `run ${run}: the sidecar is neither the old nor the new content`).toContain(sha(text));

    const names = readdirSync(join(root, 'annotations'));
    const tempLeft = names.filter((n) => n.endsWith('.tmp')).length;
    const lockLeft = names.includes('.doc.txt.yaml.lock');
    // Leftovers are not sidecars, for the CLI or for anything using documentPathFor.
    for (const n of names) if (n !== 'doc.txt.yaml') expect(documentPathFor(`annotations/${n}`, 'annotations')).toBeUndefined();
    expect(await selectDocuments({ root, annotationsFolder: 'annotations' }, [], root)).toEqual([DOC]);

    // The next writer is not blocked by the dead one's lock, cleans its temp files and loses nothing.
    const store = new SidecarStore(nodeFileSystem, root, 'annotations', { lock: { timeoutMs: 5000 } });
    const base = await store.load(DOC);
    const kept = base.read.sidecar!.annotations.map((a) => a.id);
    const outcome = await store.save(base, { ...base.read.sidecar!, annotations: [...base.read.sidecar!.annotations, childAnnotation(`after-${run}`, 7)] });
    expect(outcome.kind).toBe('written');
    const after = readSidecar(readFileSync(file, 'utf8'), 'x').sidecar!.annotations.map((a) => a.id);
    expect(after).toEqual(expect.arrayContaining([...kept, `after-${run}`]));
    expect(readdirSync(join(root, 'annotations')).sort()).toEqual(['doc.txt.yaml']);
    return { outcome: sha(text) === before ? 'old' : 'new', saves: dones.length, tempLeft, lockLeft };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('a writer killed at a random moment', () => {
  it(`leaves the old or the new sidecar, never a torn one (${RUNS} SIGKILLs)`, async () => {
    const results = await inParallel(RUNS, 4, killOnce);
    const summary = {
      runs: results.length,
      old: results.filter((r) => r.outcome === 'old').length,
      new: results.filter((r) => r.outcome === 'new').length,
      killedWithTempFile: results.filter((r) => r.tempLeft > 0).length,
      killedHoldingLock: results.filter((r) => r.lockLeft).length,
      savesBeforeKill: results.reduce((n, r) => n + r.saves, 0),
    };
    console.log(`interrupted writes: ${JSON.stringify(summary)}`);
    expect(summary.runs).toBe(RUNS);
    // The kills must land inside saves, not only around them, or the test proves little.
    expect(summary.killedWithTempFile + summary.killedHoldingLock).toBeGreaterThan(RUNS / 10);
  }, 300_000); // generous: 100 child processes on a loaded 2-core machine take ~2 minutes

  it('does not let an old temp file of a live process linger forever, nor touch a fresh one', async () => {
    const { root, file } = workspace();
    try {
      const dir = join(root, 'annotations');
      const fresh = join(dir, `.doc.txt.yaml.${process.ppid}.0123abcd.tmp`);
      const dead = join(dir, `.doc.txt.yaml.999999999.89abcdef.tmp`);
      writeFileSync(fresh, 'half a sidecar');
      writeFileSync(dead, 'half a sidecar');
      await nodeFileSystem.writeAtomic(file, readFileSync(file, 'utf8'));
      expect(existsSync(fresh)).toBe(true);
      expect(existsSync(dead)).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
