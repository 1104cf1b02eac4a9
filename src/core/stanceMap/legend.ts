import type { Polarity } from '../model';
import type { StanceMapCell } from './types';

// How a polarity shows: a glyph (so colour is never the only cue) and, where no theme is available
// (the CLI's SVG), a fixed colour from a colour-blind-safe diverging palette (ColorBrewer PuOr).
export const POLARITY_GLYPH: Record<Polarity, string> = { support: '+', oppose: '−', mixed: '±', neutral: '○' };
export const POLARITY_COLOUR: Record<Polarity, string> = { support: '#5e3c99', oppose: '#e66101', mixed: '#fdb863', neutral: '#bababa' };
export const POLARITY_TEXT_COLOUR: Record<Polarity, string> = { support: '#ffffff', oppose: '#000000', mixed: '#000000', neutral: '#000000' };

/** The cell's short text: glyph and number of stances, e.g. `+2` or `±3`. */
export function cellText(cell: StanceMapCell): string {
  return `${POLARITY_GLYPH[cell.polarity]}${cell.stances.length}`;
}

/** Where a date (YYYY, YYYY-MM, YYYY-MM-DD) sits on a time axis, in years: a month or year alone is its middle. */
export function dateValue(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return y + 0.5;
  if (d === undefined) return y + (m - 0.5) / 12;
  return y + (m - 1) / 12 + (d - 0.5) / 365;
}
