// The store's fast paths (line-based read, spliced save) against the whole-Document paths they
// replace: same reads, same problems, byte-identical saves, over generated sidecars with awkward strings.
import { describe, expect, it } from 'vitest';
import { generateAnnotations } from '../../../bench/lib/annotations';
import { rng, type Rng } from '../../../bench/lib/prng';
import type { Annotation, Claim, Sidecar } from '../../../src/core/model';
import { readSidecar, readWithDocument } from '../../../src/core/store/readSidecar';
import { writeSidecar, writeSidecarWithDocument } from '../../../src/core/store/writeSidecar';
import { clearLayoutCache } from '../../../src/core/yaml/layoutCache';

const PIECES = ['a', 'Word', ' ', ':', ': ', '#', ' #', '-', '- ', '"', "'", '\n', '\n\n', 'true', '123', '0x1F', '1e3', '~', 'null', '[', ']', '{', '|', '>', '%', '@', '`', 'é', '“', '\t', '\u00a0', '---', '...', '?', '!', '&', '*', ',', '.inf', '0', '-5', ' x ', '\\', '😀', '\u0085'];
const TEXT = 'The committee said: "funding" is #1 — and housing? ' .repeat(40);

function awkward(r: Rng): string {
  let s = '';
  const n = 1 + r.int(4);
  for (let i = 0; i < n; i++) s += r.pick(PIECES);
  return s;
}

function mutate(s: Sidecar, r: Rng): Sidecar {
  const annotations = s.annotations.map((a) => structuredClone(a));
  const a = annotations.length ? annotations[r.int(annotations.length)] : undefined;
  switch (r.int(9)) {
    case 0:
      if (a?.kind === 'claim') (a as Claim).label = awkward(r);
      break;
    case 1:
      if (a) a.note = awkward(r);
      break;
    case 2:
      // Sometimes far enough to change its place in the sorted list.
      if (a) {
        const start = r.next() < 0.5 ? a.anchor.start + 1 : r.int(2000);
        a.anchor = { ...a.anchor, start, end: start + a.anchor.end - a.anchor.start, prefix: awkward(r) };
      }
      break;
    case 3:
      if (a) a.tags = r.next() < 0.3 ? [] : [awkward(r), 'x' + r.int(9)];
      break;
    case 4:
      if (a) a.review = r.next() < 0.5 ? { status: 'orphaned', was: awkward(r) } : undefined;
      break;
    case 5:
      annotations.splice(r.int(annotations.length + 1), 1);
      break;
    case 6:
      annotations.push(...generateAnnotations(TEXT, 1, r));
      break;
    case 7:
      return { ...s, annotations, document: r.next() < 0.5 ? s.document : `docs/${awkward(r)}.txt`, fingerprint: r.next() < 0.5 ? 'b'.repeat(40) : s.fingerprint };
    default:
      if (a) a.modified = '2027-01-01T00:00:00Z';
  }
  return { ...s, annotations };
}

function sidecar(r: Rng, count: number): Sidecar {
  const annotations: Annotation[] = generateAnnotations(TEXT, count, r);
  for (const a of annotations) {
    if (r.next() < 0.3) a.anchor.exact = awkward(r);
    if (r.next() < 0.3) a.anchor.suffix = awkward(r);
    if (r.next() < 0.3) a.note = awkward(r);
  }
  return { schemaVersion: 1, document: 'docs/a.txt', fingerprint: 'a'.repeat(40), annotations };
}

const comparable = (read: ReturnType<typeof readSidecar>) => ({ sidecar: read.sidecar, problems: read.problems, writable: read.writable });

describe('sidecar fast paths', () => {
  it('read the same as the whole-Document reader', () => {
    const r = rng(1);
    for (let k = 0; k < 150; k++) {
      const text = writeSidecarWithDocument(sidecar(r, 1 + r.int(6)));
      expect(comparable(readSidecar(text, 'x.yaml'))).toEqual(comparable(readWithDocument(text, 'x.yaml')));
    }
  });

  it('read hand-edited variants the same (or leave them to the full reader)', () => {
    const r = rng(2);
    const edits: Array<(t: string) => string> = [
      (t) => t.replace('\n  - ', '\n  # a comment\n  - '),
      (t) => t.replace('kind: ', 'kind:  '),
      (t) => t.replace('\n    ', '\n     '),
      (t) => t.replace('\n', '\n\n'),
      (t) => t.replace(/start: (\d+)/, 'start: "$1"'),
      (t) => t.replace(/start: (\d+)/, 'start: 0x1F'),
      (t) => t.replace('id: ', 'id: &x '),
      (t) => t.replace(/author: .*/, "author: 'Ada ''R'''"),
      (t) => t.replace(/author: .*/, 'author: "Ad\\u0061"'),
      (t) => t.replace(/author: .*/, 'author: Ada # who'),
      (t) => t.replace(/kind: \w+/, 'kind: claim\n    kind: note'),
      (t) => t.replace('schemaVersion: 1', 'schemaVersion: 2'),
      (t) => t.replace('\n', '\r\n'),
      (t) => t.slice(0, -1),
      (t) => t.replace(/note: .*/, 'note: |\n      two\n      lines'),
      (t) => t.replace(/note: .*/, 'note: |-\n        deeper\n      back'),
      (t) => t.replace('annotations:\n', 'annotations:\n  []\n'),
      (t) => t.replace(/exact: .*/, 'exact: !!str 12'),
      (t) => t.replace(/exact: .*/, 'exact: "a\\x41"'),
      (t) => t + '__proto__: {}\n',
    ];
    for (let k = 0; k < 200; k++) {
      const text = r.pick(edits)(writeSidecarWithDocument(sidecar(r, 1 + r.int(4))));
      expect(comparable(readSidecar(text, 'x.yaml'))).toEqual(comparable(readWithDocument(text, 'x.yaml')));
    }
  });

  it('save byte for byte what the whole-Document writer saves, over chains of changes', () => {
    const r = rng(3);
    for (let k = 0; k < 60; k++) {
      let current = sidecar(r, 1 + r.int(6));
      let text = writeSidecarWithDocument(current);
      if (r.next() < 0.5) clearLayoutCache();
      for (let step = 0; step < 6; step++) {
        const next = mutate(current, r);
        const expected = writeSidecarWithDocument(next, text);
        expect(writeSidecar(next, text)).toBe(expected);
        text = expected;
        const read = readSidecar(text, 'x.yaml');
        if (!read.writable) break;
        current = read.sidecar!;
      }
    }
  });

  it('save byte for byte what the whole-Document writer saves from hand-written files in the subset', () => {
    const r = rng(5);
    const restyle: Array<(t: string) => string> = [
      (t) => t.replace(/author: (.*)/, (_, v) => `author: ${JSON.stringify(v)}`),
      (t) => t.replace(/created: (.*)/, (_, v) => `created: '${v}'`),
      (t) => t.replace('note: |-\n', 'note: |\n'),
      (t) => t.replace(/kind: (\w+)\n {4}anchor:/, 'kind: $1\n    tags:\n      - first\n    anchor:'),
      (t) => t.replace('document: docs/a.txt', 'document: "docs/a.txt"'),
    ];
    for (let k = 0; k < 80; k++) {
      let text = r.pick(restyle)(writeSidecarWithDocument(sidecar(r, 1 + r.int(5))));
      let read = readSidecar(text, 'x.yaml');
      if (!read.writable) continue;
      if (r.next() < 0.5) clearLayoutCache();
      for (let step = 0; step < 4 && read.writable; step++) {
        const next = step === 0 && r.next() < 0.3 ? read.sidecar! : mutate(read.sidecar!, r);
        const expected = writeSidecarWithDocument(next, text);
        expect(writeSidecar(next, text)).toBe(expected);
        text = expected;
        read = readSidecar(text, 'x.yaml');
      }
    }
  });

  it('does not trust objects that were changed in place after they were read', () => {
    const text = writeSidecarWithDocument(sidecar(rng(4), 3));
    const read = readSidecar(text, 'x.yaml');
    read.sidecar!.annotations[1].modified = '2030-01-01T00:00:00Z';
    read.sidecar!.annotations[2].anchor.start += 1;
    read.sidecar!.annotations[2].anchor.end += 1;
    expect(writeSidecar(read.sidecar!, text)).toBe(writeSidecarWithDocument(read.sidecar!, text));
    expect(writeSidecar(read.sidecar!, text)).toContain('2030-01-01T00:00:00Z');
  });
});
