import { describe, expect, it } from 'vitest';
import {
  buildEntityIndex,
  heuristicCandidateFinder,
  mergeCatalogueAndValues,
  scanDocument,
  type Entity,
  type Mention,
} from '../../../src/core/entities/index';
import { seeds, shippedIndex } from './helpers';

const e = (id: string, name: string, type: Entity['type'] = 'place'): Entity => ({ id, type, name, aliases: [] });
const index = buildEntityIndex({
  entities: [e('summit', '2023 Digital Economy Summit', 'event'), e('hong-kong', 'Hong Kong'), e('acme', 'Acme', 'organisation')],
});
const brief = (ms: Mention[]) => ms.map((m) => `${m.source}:${m.entityId}:${m.text}`);

describe('scanDocument', () => {
  it('combines catalogue, value and candidate mentions in order', () => {
    const text = 'The 2023 Digital Economy Summit in Hong Kong drew 4,000 registrations, said Globex Corporation.';
    expect(brief(scanDocument(text, index, { candidates: heuristicCandidateFinder }))).toEqual([
      'catalogue:summit:2023 Digital Economy Summit',
      'catalogue:hong-kong:Hong Kong',
      'value:value:count:4,000 registrations',
      'candidate:candidate:globex-corporation:Globex Corporation',
    ]);
  });

  it('lets the longer of a catalogue and a value mention win, the catalogue on a tie', () => {
    // The year is part of the name; the amount contains the place name.
    expect(brief(scanDocument('the 2023 Digital Economy Summit', index))).toEqual(['catalogue:summit:2023 Digital Economy Summit']);
    expect(brief(scanDocument('it cost 200 million Hong Kong dollars', index))).toEqual(['value:value:money:200 million Hong Kong dollars']);
    const c: Mention = { start: 0, end: 4, text: '2023', entityId: 'x', type: 'event', source: 'catalogue' };
    const v: Mention = { ...c, entityId: 'value:date', type: 'date', source: 'value' };
    expect(mergeCatalogueAndValues([c], [v])).toEqual([c]);
  });

  it('never lets candidates overlap catalogue or value mentions', () => {
    const text = 'Acme Holdings and Hong Kong Telecom met By 2032 Group';
    const ms = scanDocument(text, index, { candidates: heuristicCandidateFinder });
    for (let k = 1; k < ms.length; k++) expect(ms[k].start).toBeGreaterThanOrEqual(ms[k - 1].end);
    expect(brief(ms)).toContain('catalogue:acme:Acme');
  });

  it('can run without values', () => {
    expect(brief(scanDocument('Hong Kong in 2023', index, { values: false }))).toEqual(['catalogue:hong-kong:Hong Kong']);
  });

  it('produces non-overlapping mentions whose text matches the seeds', () => {
    for (const seed of seeds()) {
      const ms = scanDocument(seed.text, shippedIndex(), { candidates: heuristicCandidateFinder });
      for (let k = 0; k < ms.length; k++) {
        expect(seed.text.slice(ms[k].start, ms[k].end)).toBe(ms[k].text);
        if (k) expect(ms[k].start).toBeGreaterThanOrEqual(ms[k - 1].end);
      }
    }
  });
});
