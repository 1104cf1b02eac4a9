// Typing keeps a document's mentions as a whole scan would find them: edits shift the mentions at
// once, and the rescan of the lines around the edits (read one line at a time, as the editor reads
// them from VS Code) puts back what the edits made or broke.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChangesToText, type TextChange } from '../../../src/core/anchoring';
import { linesOfText } from '../../../src/core/entities/lineSource';
import { offsetMentions, rescanRegion, shiftMentions, spliceMentions } from '../../../src/core/entities/mentionEdits';
import type { Mention } from '../../../src/core/entities/types';
import { seeds, shippedIndex } from './helpers';

const index = shippedIndex();
const key = (ms: readonly Mention[]) => ms.map((m) => `${m.start}-${m.end} ${m.entityId} ${m.text}`);
// A seed hard-wrapped at 24 columns, so that names are split over line breaks at the edges of what is rescanned.
const seed = seeds()[0].text.slice(0, 5000).replace(/(.{24,}?) /g, '$1\n');
// What a person types: names from the catalogue, plain words, line breaks and blank lines.
const PIECES = ['Hong Kong', 'Hong ', 'Kong', 'Xi Jinping', 'President ', 'the ', 'Cyberport', 'Guangdong', '\n', '\n\n', 'e', ' ', '.'];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}
const edit: fc.Arbitrary<Edit> = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(30), insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join('')) });

function rescan(text: string, mentions: Mention[], dirty: { start: number; end: number }): Mention[] {
  const region = rescanRegion(linesOfText(text), mentions, dirty);
  expect(region.readText()).toBe(text.slice(region.start, region.end));
  return spliceMentions(mentions, region, offsetMentions(index.scan(region.readText()), region.start));
}

describe('mentions while typing', () => {
  it('after any edits, shift and a rescan of the edited lines equal a whole scan', () => {
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (pauses) => {
        let text = seed;
        let mentions = index.scan(text);
        for (const edits of pauses) {
          let dirty: { start: number; end: number } | undefined;
          for (const e of edits) {
            const start = Math.floor(e.at * text.length);
            const change: TextChange = { start, end: Math.min(text.length, start + e.remove), text: e.insert };
            dirty = shiftMentions(mentions, [change], dirty);
            text = applyChangesToText(text, [change]);
          }
          mentions = rescan(text, mentions, dirty!);
          expect(key(mentions)).toEqual(key(index.scan(text)));
        }
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('a name split over a line break is found whole when one of its lines is edited', () => {
    const text = 'First line.\nThe Hong\nKong Monetary Authority spoke.\nLast line.';
    const mentions = index.scan(text).filter((m) => m.text !== 'Hong\nKong');
    const at = text.indexOf('spoke');
    const region = rescanRegion(linesOfText(text), mentions, { start: at, end: at });
    expect(text.slice(region.start, region.end)).toContain('Hong\nKong');
    expect(key(rescan(text, mentions, { start: at, end: at }))).toEqual(key(index.scan(text)));
  });

  it('a name across the edge of the rescanned lines is kept', () => {
    const text = 'Intro.\nThe Hong\nKong Authority said more.\nThird line.\nFourth.';
    const mentions = index.scan(text);
    expect(mentions.map((m) => m.text)).toContain('Hong\nKong');
    const at = text.indexOf('Third');
    expect(key(rescan(text, mentions.slice(), { start: at, end: at + 1 }))).toEqual(key(mentions));
  });

  it('reads lines by their normalised offsets', () => {
    const lines = linesOfText('a\n\nbc\n');
    expect(lines.lineCount).toBe(4);
    expect([0, 1, 2, 3].map((l) => [lines.lineStart(l), lines.lineText(l)])).toEqual([[0, 'a'], [2, ''], [3, 'bc'], [6, '']]);
    expect([0, 1, 2, 3, 5, 6, 99].map((o) => lines.lineAt(o))).toEqual([0, 0, 1, 2, 2, 3, 3]);
  });
});
