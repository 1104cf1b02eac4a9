import { POLARITIES, Polarity } from '../model';
import type { StanceMapCell, StanceRef } from './types';

// One cell's verdict. Each holder's stances are first folded into that holder's polarity (a holder who
// both supports and opposes is mixed); the cell is then the holders' common polarity, neutral holders
// aside, or mixed when they disagree.

function fold(polarities: Iterable<Polarity>): Polarity {
  const set = new Set(polarities);
  set.delete('neutral');
  if (set.size === 0) return 'neutral';
  if (set.size === 1) return [...set][0];
  return 'mixed';
}

export function cellOf(column: number, stances: StanceRef[], rowLabel: string, columnTitle: string): StanceMapCell {
  const counts = Object.fromEntries(POLARITIES.map((p) => [p, 0])) as Record<Polarity, number>;
  const byHolder = new Map<string, Polarity[]>();
  for (const s of stances) {
    counts[s.polarity]++;
    const list = byHolder.get(s.holderName) ?? [];
    list.push(s.polarity);
    byHolder.set(s.holderName, list);
  }
  const holderPolarity = [...byHolder.values()].map(fold);
  const polarity = fold(holderPolarity);
  const holders = [...byHolder.keys()].sort((a, b) => a.localeCompare(b));
  const countText = POLARITIES.filter((p) => counts[p]).map((p) => `${counts[p]} ${p}`).join(', ');
  const description = `${rowLabel} in ${columnTitle}: ${polarity} (${countText}) by ${holders.join(', ')}`;
  return { column, polarity, counts, holders, stances, description };
}
