import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportYaml } from '../../../src/core/export';
import { Note } from '../../../src/core/model';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { fixtureCorpus } from '../export/fixtureCorpus';
import { sampleSidecar } from './sampleSidecar';

// A YAML 1.1 reader (PyYAML, which most Python users load YAML with) resolves plain `on`, `y`, `1:20`,
// `0b11`, `1_000` or a timestamp to a boolean, a number or a date. The `yaml` package in its 1.1 mode
// reads as such a reader does: every string written must come back as that same string.

const read11 = (text: string) => parse(text, { version: '1.1' });

// Words and shapes YAML 1.1 gives a type to, and their neighbours that must stay strings anyway.
const RISKY = ['y', 'Y', 'n', 'N', 'yes', 'No', 'on', 'On', 'OFF', 'off', 'true', 'False', 'null', 'Null', '~', '', '1:20', '-1:20:30', '190:20:30.15',
  '0b1011', '0777', '0x1F', '1_000', '+12', '-0', '3.', '.5', '1e3', '1.5e+3', '.inf', '-.Inf', '.NaN', '2001-12-14', '2001-12-14t21:59:43.10-05:00',
  '2001-12-14 21:59:43.10 -5', '2026-11-22T09:00:00Z', '<<', '=', 'onion', 'yesterday', '1:2x', '12abc', 'Norway'];

describe('YAML 1.1 readers get strings back', () => {
  it('every string field of a written sidecar, including the risky ones (property)', () => {
    const text = fc.oneof(fc.constantFrom(...RISKY), fc.string({ maxLength: 12 }), fc.stringMatching(/^[-+.:0-9_a-fxXbeEnN ~TZ]{1,14}$/));
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), text, (note, author, tags, created) => {
        const base = sampleSidecar();
        const a: Note = { ...base.annotations[0], kind: 'note', note, author, created, modified: created, tags: tags.length ? tags : undefined } as Note;
        delete (a as Partial<Note> & { label?: string }).label;
        const sidecar = { ...base, annotations: [a] };
        const written = writeSidecar(sidecar);
        const back = read11(written).annotations[0];
        expect(back.note).toBe(note);
        expect(back.author).toBe(author);
        expect(back.created).toBe(created);
        expect(back.tags ?? []).toEqual(tags);
      }),
      { numRuns: 400 },
    );
  });

  it('the reference corpus sidecars and the YAML export read the same in 1.1 and 1.2', () => {
    const dir = join(__dirname, '..', '..', '..', 'annotations', 'seeds');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(read11(text)).toEqual(parse(text));
    }
    const exported = exportYaml(fixtureCorpus());
    expect(read11(exported)).toEqual(parse(exported));
  });

  it('quotes `on` and a timestamp, leaves ordinary words plain', () => {
    const base = sampleSidecar();
    const written = writeSidecar({ ...base, annotations: [{ ...base.annotations[0], tags: ['on', 'onion'], created: '2026-11-22T09:00:00Z' }] });
    expect(written).toContain('- "on"\n');
    expect(written).toContain('- onion\n');
    expect(written).toContain('created: "2026-11-22T09:00:00Z"');
    // What the quoting prevents: the same text plain is a boolean and a date to a 1.1 reader.
    expect(read11('a: on\nb: 2026-11-22T09:00:00Z\n')).toEqual({ a: true, b: new Date('2026-11-22T09:00:00Z') });
  });
});
