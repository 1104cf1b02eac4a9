// The coefficients against the published worked examples (test/fixtures/agreement, with attribution).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohenKappa, countsPerUnit, fleissKappa, krippendorffAlpha } from '../../../src/core/agreement/coefficients';

const examples = JSON.parse(readFileSync(join(__dirname, '../../fixtures/agreement/published-examples.json'), 'utf8'));
const cells = (data: (string | null)[][]) => data.map((row) => row.map((v) => v ?? undefined));

describe("Krippendorff's alpha (nominal) on the published examples", () => {
  for (const example of examples.krippendorff) {
    it(`${example.name}: α = ${example.alpha}`, () => {
      const result = krippendorffAlpha(cells(example.data));
      expect(result.alpha!.toFixed(3)).toBe(example.alpha.toFixed(3));
      if (example.pairableValues) expect(result.pairableValues).toBe(example.pairableValues);
    });
  }

  it('is undefined, not 1 or NaN, when only one value was used, and counts only pairable units', () => {
    const result = krippendorffAlpha([
      ['a', 'a', 'a', undefined],
      ['a', 'a', undefined, 'a'],
    ]);
    expect(result.alpha).toBeUndefined();
    expect(result.units).toBe(2);
    expect(result.pairableValues).toBe(4);
  });

  it('is 1 for perfect agreement on two values and below 0 for systematic disagreement', () => {
    expect(krippendorffAlpha([['a', 'b', 'a'], ['a', 'b', 'a']]).alpha).toBe(1);
    expect(krippendorffAlpha([['a', 'b'], ['b', 'a']]).alpha!).toBeLessThan(0);
  });
});

describe("Cohen's kappa on the published examples", () => {
  for (const example of examples.cohen) {
    it(`${example.name}: κ = ${example.kappa}`, () => {
      const pairs: [string, string][] = [];
      for (const [key, n] of Object.entries(example.table as Record<string, number>)) {
        const [a, b] = key.split('|');
        for (let i = 0; i < n; i++) pairs.push([a, b]);
      }
      const result = cohenKappa(pairs);
      expect(result.kappa!.toFixed(4)).toBe(example.kappa.toFixed(4));
      expect(result.units).toBe(pairs.length);
    });
  }
});

describe("Fleiss' kappa on the published example", () => {
  it(`${examples.fleiss.name}: κ = ${examples.fleiss.kappa}`, () => {
    const { categories, counts } = examples.fleiss as { categories: string[]; counts: number[][] };
    const table = counts.map((row) => new Map(row.map((n, i) => [categories[i], n] as [string, number]).filter(([, n]) => n > 0)));
    const result = fleissKappa(table);
    expect(result.kappa!.toFixed(3)).toBe('0.210');
    expect(result.observed.toFixed(3)).toBe(examples.fleiss.observed.toFixed(3));
    expect(result.chance.toFixed(3)).toBe(examples.fleiss.chance.toFixed(3));
    expect(result.raters).toBe(14);
  });

  it('refuses, with the reason, when units have different numbers of annotators', () => {
    const result = fleissKappa(countsPerUnit([['a', 'b'], ['a', undefined], ['b', 'b']]));
    expect(result.kappa).toBeUndefined();
    expect(result.reason).toMatch(/different numbers/);
  });
});
