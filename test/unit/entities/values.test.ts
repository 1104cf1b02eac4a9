import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recogniseValues } from '../../../src/core/entities/index';
import { seeds } from './helpers';

const values = (text: string) => recogniseValues(text).map((m) => `${m.type}:${m.text}`);

describe('money', () => {
  it.each([
    ['invested over HKD130 billion in', 'money:HKD130 billion'],
    ['a HK$10 billion "Research" scheme', 'money:HK$10 billion'],
    ['exceeded 16 trillion yuan ($2.22 trillion), and', 'money:16 trillion yuan ($2.22 trillion)'],
    ['reached 4.4 trillion yuan in', 'money:4.4 trillion yuan'],
    ['costs US$3.5 million', 'money:US$3.5 million'],
    ['RMB 5 billion', 'money:RMB 5 billion'],
    ['about $2.22 trillion', 'money:$2.22 trillion'],
    ['200 million Hong Kong dollars', 'money:200 million Hong Kong dollars'],
    ['HK$500m', 'money:HK$500m'],
  ])('%s', (text, expected) => expect(values(text)).toContain(expected));
});

describe('percentages', () => {
  it('keeps the base out of the mention', () => {
    expect(values('it should account for 5 percent of the local GDP')).toEqual(['percentage:5 percent']);
  });
  it.each([
    ['only 1 percent of GDP', 'percentage:1 percent'],
    ['rose 3.5% last year', 'percentage:3.5%'],
    ['ten per cent', 'percentage:ten per cent'],
    ['by 2 percentage points', 'percentage:2 percentage points'],
  ])('%s', (text, expected) => expect(values(text)).toContain(expected));
});

describe('dates and periods', () => {
  it.each([
    ['Published: 18:04, October 16, 2023 |', ['date:October 16, 2023']],
    ['17 November 2018\nHong Kong', ['date:17 November 2018']],
    ['2022 January\nDevelopment', ['date:2022 January']],
    ['from April 13 to April 14 is', ['date:April 13 to April 14']],
    ['By 2032, it should', ['date:By 2032']],
    ['and by 2035, the zone', ['date:by 2035']],
    ['In 2016, the city', ['date:2016']],
    ['in 2024 and 2025, giving', ['date:2024', 'date:2025']],
    ['in mid-March this year, the', ['date:mid-March this year']],
    ['in late March, the', ['date:late March']],
    ['at the end of 2022 to', ['date:end of 2022']],
    ['on April 14 is', ['date:April 14']],
    ['April 13-14, 2023', ['date:April 13-14, 2023']],
    ['in the 1990s', ['date:1990s']],
  ])('%s', (text, expected) => expect(values(text)).toEqual(expected));

  it('leaves out relative dates, ordinals and numbers that are not years', () => {
    expect(values('last year, next year, on Wednesday, the 14th Five-Year Plan, COVID-19, article/3320474/')).toEqual([]);
  });
});

describe('durations', () => {
  it.each([
    ['over the past 40 years,', 'duration:40 years'],
    ['in the next 10 to 15 years.', 'duration:10 to 15 years'],
    ['in the next five to ten years', 'duration:five to ten years'],
    ['in just three short years', 'duration:three short years'],
    ['in the past two decades', 'duration:two decades'],
    ['in the Past Three Years.', 'duration:Three Years'],
  ])('%s', (text, expected) => expect(values(text)).toEqual([expected]));

  it('does not take compound adjectives', () => {
    expect(values('a 10-year plan and the Five-year Plan')).toEqual([]);
  });
});

describe('counts', () => {
  it.each([
    ['attracting about 4,000 registrations from', 'count:4,000 registrations'],
    ['Hong Kong has five universities ranked', 'count:five universities'],
    ['attracted 28 joint research laboratories to', 'count:28 joint research laboratories'],
    ['advancing in four major development directions:', 'count:four major development directions'],
    ['the 100 companies listed', 'count:100 companies'],
    ['only 45 departments have', 'count:45 departments'],
    ['the three international innovation and technology centers that', 'count:three international innovation and technology centers'],
  ])('%s', (text, expected) => expect(values(text)).toEqual([expected]));

  it('needs a lower-case plural noun and no function words', () => {
    expect(values('the "Three Fights", one field, 5 of the, 2018 to allow, top 100.')).toEqual(['date:2018']);
    expect(values('5 of the world’s top 100 universities; two and a half; three and')).toEqual([]);
  });
});

it('ignores numbers inside addresses', () => {
  expect(values('see https://example.com/2023/10 percent and mail 2020@example.org')).toEqual([]);
});

// The full list of value mentions per seed, reviewed by eye and frozen. After a deliberate
// change, regenerate with UPDATE_GOLDEN=1 and review the diff.
describe('golden values over the seeds', () => {
  for (const seed of seeds()) {
    it(seed.name, () => {
      const file = join(__dirname, 'golden', seed.name.replace(/\.txt$/, '.values.json'));
      const actual = recogniseValues(seed.text).map(({ start, end, type, text }) => ({ start, end, type, text }));
      for (const m of actual) expect(seed.text.slice(m.start, m.end)).toBe(m.text);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
        if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`missing ${file}: run with UPDATE_GOLDEN=1 and review it`);
        writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
      }
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
