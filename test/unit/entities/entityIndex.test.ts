import { describe, expect, it } from 'vitest';
import { buildEntityIndex, type Catalogue, type Entity } from '../../../src/core/entities/index';

function entity(id: string, name: string, aliases: string[] = [], type: Entity['type'] = 'organisation'): Entity {
  return { id, type, name, aliases };
}

const catalogue: Catalogue = {
  entities: [
    entity('hong-kong', 'Hong Kong', ['HKSAR'], 'place'),
    entity('hksar-government', 'HKSAR Government', ['Hong Kong government', 'SAR government']),
    entity('science-park', 'Hong Kong Science Park'),
    entity('sit', 'Alfred Sit', ['Sit'], 'person'),
    entity('xi', 'Xi Jinping', ['President Xi Jinping', 'Xi'], 'person'),
    entity('gba', 'Greater Bay Area', ['GBA', 'Guangdong-Hong Kong-Macao Greater Bay Area'], 'place'),
    entity('guangdong', 'Guangdong', [], 'place'),
    entity('hkust-gz', 'Hong Kong University of Science and Technology (Guangzhou)', ['HKUST (GZ)']),
    entity('raise', 'RAISe+ Scheme', [], 'programme'),
    entity('plan', '14th Five-Year Plan', [], 'programme'),
    entity('npc', 'National People’s Congress'),
    entity('reindustrialization', 'reindustrialization', [], 'concept'),
    entity('idea', 'International Digital Economy Academy', ['IDEA']),
  ],
};
const index = buildEntityIndex(catalogue);
const ids = (text: string) => index.scan(text).map((m) => `${m.entityId}:${m.text}`);

describe('buildEntityIndex / scan', () => {
  it('reports original offsets and text', () => {
    const text = 'In Hong\u00a0Kong, President Xi Jinping’s visit.';
    const mentions = index.scan(text);
    expect(mentions.map((m) => [m.start, m.end, m.text, m.entityId, m.type, m.source])).toEqual([
      [3, 12, 'Hong\u00a0Kong', 'hong-kong', 'place', 'catalogue'],
      [14, 34, 'President Xi Jinping', 'xi', 'person', 'catalogue'],
    ]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('prefers the leftmost, then the longest match, without overlaps', () => {
    expect(ids('the Hong Kong Science Park and Hong Kong')).toEqual(['science-park:Hong Kong Science Park', 'hong-kong:Hong Kong']);
    expect(ids('the Guangdong-Hong Kong-Macao Greater Bay Area (GBA)')).toEqual([
      'gba:Guangdong-Hong Kong-Macao Greater Bay Area',
      'gba:GBA',
    ]);
    expect(ids('Guangdong-Hong Kong links')).toEqual(['guangdong:Guangdong', 'hong-kong:Hong Kong']);
  });

  it('respects word boundaries', () => {
    expect(ids('Situation: Xiamen, Sitting, GBAs, HKSARs')).toEqual([]);
    expect(ids('Sit’s view; Xi’s question; (GBA).')).toEqual(['sit:Sit', 'xi:Xi', 'gba:GBA']);
  });

  it('matches acronyms and one-word proper names case-sensitively', () => {
    expect(ids('gba sit xi hkust (gz) raise+ scheme idea')).toEqual([]);
    expect(ids('IDEA has ideas')).toEqual(['idea:IDEA']);
    expect(ids('HKUST (GZ) and the RAISe+ Scheme')).toEqual(['hkust-gz:HKUST (GZ)', 'raise:RAISe+ Scheme']);
  });

  it('matches ordinary multi-word names in any case, keeping the acronym words exact', () => {
    expect(ids('the Hong Kong Government and the hong kong government')).toEqual([
      'hksar-government:Hong Kong Government',
      'hksar-government:hong kong government',
    ]);
    // "hksar government" is not found: the acronym word must keep its case.
    expect(ids('HKSAR government / SAR Government / hksar government')).toEqual([
      'hksar-government:HKSAR government',
      'hksar-government:SAR Government',
    ]);
    expect(ids('Reindustrialization and reindustrialization')).toEqual([
      'reindustrialization:Reindustrialization',
      'reindustrialization:reindustrialization',
    ]);
  });

  it('folds curly quotes, apostrophes and dashes', () => {
    expect(ids('in the“14th Five-year” Plan')).toEqual(['plan:14th Five-year” Plan']);
    expect(ids('the "14th Five–Year Plan"')).toEqual(['plan:14th Five–Year Plan']);
    expect(ids("National People's Congress")).toEqual(["npc:National People's Congress"]);
  });

  it('is reusable across documents and handles empty input', () => {
    expect(index.scan('')).toEqual([]);
    expect(ids('GBA')).toEqual(['gba:GBA']);
    expect(ids('Hong Kong')).toEqual(['hong-kong:Hong Kong']);
  });

  it('checks boundaries against astral letters', () => {
    expect(ids('𝐀GBA GBA𝐀 𝐀 GBA')).toEqual(['gba:GBA']);
  });

  it('gives a shared alias to the first entity and reports it', () => {
    const shared = buildEntityIndex({ entities: [entity('a', 'Alpha Group', ['AG']), entity('b', 'Beta', ['AG'])] });
    expect(shared.scan('AG').map((m) => m.entityId)).toEqual(['a']);
    expect(shared.sharedAliases).toEqual([{ alias: 'AG', entityIds: ['a', 'b'] }]);
  });

  it('prefers the alias whose case matches exactly', () => {
    const both = buildEntityIndex({ entities: [entity('concept', 'idea', [], 'concept'), entity('org', 'IDEA')] });
    expect(both.scan('IDEA idea Idea').map((m) => `${m.entityId}:${m.text}`)).toEqual(['org:IDEA', 'concept:idea', 'concept:Idea']);
  });
});
