import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDate, suggestMetadata } from '../../../src/core/metadata/suggestMetadata';

const seed = (name: string) => readFileSync(join(resolve(__dirname, '../../..'), 'seeds', name), 'utf8');

describe('metadata suggestions from the text', () => {
  it('finds dates as the seeds write them', () => {
    expect(findDate('17 November 2018\nHong Kong officials')).toBe('2018-11-17');
    expect(findDate('Published: 18:04, October 16, 2023 | Updated')).toBe('2023-10-16');
    expect(findDate('Loading...\n\n2022 January\nDevelopment')).toBe('2022-01');
    expect(findDate('no date here, only 28 laboratories')).toBeUndefined();
  });

  it('offers title, byline, date and URL from the reference seeds', () => {
    expect(suggestMetadata(seed('002_da90e588b2ada6c6.txt'))).toMatchObject({ title: 'Setting Hong Kong\'s reindustrialization drive on the right track', authors: ['Hendrick Sin'], published: '2023-10-16' });
    expect(suggestMetadata(seed('003_892e88a64976a510.txt'))).toMatchObject({ published: '2018-11-17' });
    const s000 = suggestMetadata(seed('000_d3c97eb98561e2fd.txt'));
    expect(s000.title).toBe('Can Hong Kong afford to jump on the mainland Chinese tech bandwagon?');
    expect(s000.url).toBe('https://www.scmp.com/opinion/letters/article/3320474/can-hong-kong-afford-jump-mainland-chinese-tech-bandwagon');
    expect(suggestMetadata(seed('001_79ead2d7149b2ec1.txt'))).toMatchObject({ title: 'Development Blueprint for Hong Kong’s Digital Economy', published: '2022-01' });
  });
});
