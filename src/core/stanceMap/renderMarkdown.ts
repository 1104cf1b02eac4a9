import { POLARITIES } from '../model';
import { cellText, POLARITY_GLYPH } from './legend';
import type { StanceMap } from './types';

const escape = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The map as a Markdown table, for a report or a pull-request comment. */
export function renderStanceMapMarkdown(map: StanceMap): string {
  const lines = ['## Stance map', ''];
  if (!map.rows.length) return [...lines, 'No stances match.', ''].join('\n');
  const header = map.columns.map((c) => `${escape(c.title)}<br>${c.date ?? 'undated'}${c.publisher ? ` · ${escape(c.publisher)}` : ''}`);
  lines.push(`| target | ${header.join(' | ')} |`, `| --- |${map.columns.map(() => ' :---: |').join('')}`);
  for (const row of map.rows) {
    const cells = map.columns.map((_, i) => {
      const cell = row.cells.find((c) => c.column === i);
      return cell ? `${cellText(cell)} ${cell.polarity}<br>${escape(cell.holders.join(', '))}` : '';
    });
    lines.push(`| ${row.kind === 'topic' ? '' : `${row.kind}: `}${escape(row.label)} | ${cells.join(' | ')} |`);
  }
  lines.push('', `${POLARITIES.map((p) => `${POLARITY_GLYPH[p]} ${p}`).join(' · ')}; the number counts stances. ${map.totals.stances} stances on ${map.totals.rows} targets in ${map.totals.documents} documents (${map.totals.cells} cells), columns by date of publication.`, '');
  return lines.join('\n');
}
