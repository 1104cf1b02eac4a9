import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Claim } from '../../../src/core/model';
import { readSidecar } from '../../../src/core/store/readSidecar';
import { writeSidecar } from '../../../src/core/store/writeSidecar';
import { expectGolden, lineDiff } from '../golden';
import { sampleSidecar } from './sampleSidecar';

const golden = (name: string) => join(__dirname, 'golden', name);

function newClaim(): Claim {
  return {
    id: 'z9y8x7w6',
    kind: 'claim',
    anchor: { exact: 'the city is less likely to achieve breakthroughs', prefix: 'spread across multiple fields, ', suffix: ' in these areas.', start: 1130, end: 1179 },
    label: 'Spread-out R&D makes breakthroughs unlikely',
    speaker: 'author',
    claimType: 'causal',
    author: 'Ben Reviewer',
    created: '2026-11-22T08:00:00Z',
    modified: '2026-11-22T08:00:00Z',
  };
}

describe('writeSidecar', () => {
  it('renders a fresh sidecar in the documented layout', () => {
    expectGolden(golden('basic.yaml'), writeSidecar(sampleSidecar()));
  });

  it('writes block style, LF line ends, no folding and a final newline', () => {
    const text = writeSidecar(sampleSidecar());
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(text).not.toMatch(/[{[]\s*id:/);
    expect(text).toContain('prefix: "might also be asked of Hong Kong.\\nGiven that "');
  });

  it('loads and saves an unchanged file byte for byte', () => {
    const text = readFileSync(golden('basic.yaml'), 'utf8');
    const read = readSidecar(text, 'basic.yaml');
    expect(read.problems).toEqual([]);
    expect(writeSidecar(read.sidecar!, text)).toBe(text);
  });

  it('adding one annotation adds only its lines', () => {
    const text = readFileSync(golden('basic.yaml'), 'utf8');
    const sidecar = readSidecar(text, 'basic.yaml').sidecar!;
    sidecar.annotations.push(newClaim());
    const after = writeSidecar(sidecar, text);
    expectGolden(golden('basic.add.yaml'), after);
    const diff = lineDiff(text, after);
    expect(diff.removed).toEqual([]);
    expect(diff.added.join('\n')).toContain('id: z9y8x7w6');
    expect(diff.added.length).toBe(writeSidecar({ ...sidecar, annotations: [newClaim()] }).split('\n').length - 5);
  });

  it('changing one field changes only that line and the modified time', () => {
    const text = readFileSync(golden('basic.yaml'), 'utf8');
    const sidecar = readSidecar(text, 'basic.yaml').sidecar!;
    const claim = sidecar.annotations.find((a) => a.id === 'k3m9x2qa') as Claim;
    claim.label = 'Hong Kong spends less of its GDP on R&D than peers';
    claim.modified = '2026-11-22T09:30:00Z';
    const after = writeSidecar(sidecar, text);
    expectGolden(golden('basic.change.yaml'), after);
    expect(lineDiff(text, after)).toEqual({
      removed: ['    label: Hong Kong spends a lower share of GDP on R&D', '    modified: "2026-11-20T10:00:00Z"'],
      added: ['    label: Hong Kong spends less of its GDP on R&D than peers', '    modified: "2026-11-22T09:30:00Z"'],
    });
  });

  it('removing one annotation removes only its lines', () => {
    const text = readFileSync(golden('basic.yaml'), 'utf8');
    const sidecar = readSidecar(text, 'basic.yaml').sidecar!;
    sidecar.annotations = sidecar.annotations.filter((a) => a.id !== 'r5t8v1bc');
    const after = writeSidecar(sidecar, text);
    expectGolden(golden('basic.remove.yaml'), after);
    const diff = lineDiff(text, after);
    expect(diff.added).toEqual([]);
    expect(diff.removed[0]).toBe('  - id: r5t8v1bc');
    expect(diff.removed.every((line) => line.startsWith('    ') || line === '  - id: r5t8v1bc')).toBe(true);
  });

  it('moving an anchor changes only its position lines', () => {
    const text = readFileSync(golden('basic.yaml'), 'utf8');
    const sidecar = readSidecar(text, 'basic.yaml').sidecar!;
    const claim = sidecar.annotations.find((a) => a.id === 'k3m9x2qa')!;
    claim.anchor = { ...claim.anchor, start: 1010, end: 1083 };
    expect(lineDiff(text, writeSidecar(sidecar, text))).toEqual({
      removed: ['      start: 1000', '      end: 1073'],
      added: ['      start: 1010', '      end: 1083'],
    });
  });

  it('keeps the comments a person wrote when it saves a change', () => {
    const text = readFileSync(golden('commented.yaml'), 'utf8');
    const read = readSidecar(text, 'commented.yaml');
    expect(read.problems).toEqual([]);
    expect(writeSidecar(read.sidecar!, text)).toBe(text);
    const claim = read.sidecar!.annotations.find((a) => a.id === 'k3m9x2qa') as Claim;
    claim.claimType = 'causal';
    read.sidecar!.annotations.push(newClaim());
    const after = writeSidecar(read.sidecar!, text);
    expectGolden(golden('commented.change.yaml'), after);
    const comments = (t: string) => [...t.matchAll(/(?:^|\s)(# .*)$/gm)].map((m) => m[1]);
    expect(comments(text)).toHaveLength(6);
    expect(comments(after)).toEqual(comments(text));
  });

  it('sorts annotations by start offset, then id', () => {
    const sidecar = sampleSidecar();
    sidecar.annotations[0].anchor.start = 300;
    const text = writeSidecar(sidecar);
    const ids = [...text.matchAll(/- id: (\w+)/g)].map((m) => m[1]);
    expect(ids).toEqual(['k3m9x2qa', 'p7w2n4zt', 'r5t8v1bc']);
  });

  it('writes an empty annotation list as []', () => {
    const text = writeSidecar({ ...sampleSidecar(), annotations: [] });
    expect(text).toMatch(/^annotations: \[\]$/m);
    expect(readSidecar(text, 'x.yaml').sidecar!.annotations).toEqual([]);
  });
});
