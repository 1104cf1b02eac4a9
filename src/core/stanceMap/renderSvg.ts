import { POLARITIES } from '../model';
import { cellText, dateValue, POLARITY_COLOUR, POLARITY_GLYPH, POLARITY_TEXT_COLOUR } from './legend';
import type { StanceMap, StanceMapCell } from './types';

// The map as SVG. `grid`: targets × documents in date order. `timeline`: per target, each document's
// verdict placed at its date of publication. `theme: 'css'` leaves colours to the page's stylesheet
// (the webview maps them to VS Code theme colours); `fixed` embeds a palette for files and reports.

export interface SvgOptions {
  mode?: 'grid' | 'timeline';
  theme?: 'fixed' | 'css';
}

const LABEL_W = 300;
const COL_W = 150;
const ROW_H = 30;
const HEAD_H = 64;
const YEAR_W = 90;
const FOOT_H = 40;

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function style(theme: 'fixed' | 'css'): string {
  if (theme === 'css') return '';
  const rules = POLARITIES.map((p) => `.pol-${p} .mark{fill:${POLARITY_COLOUR[p]}}.pol-${p} .count{fill:${POLARITY_TEXT_COLOUR[p]}}`).join('');
  return `<style>text{font-family:system-ui,sans-serif;font-size:12px;fill:#222}.head{font-size:11px}.muted{fill:#666}.grid{stroke:#ddd}.count{font-weight:600;text-anchor:middle}${rules}</style>`;
}

function cellGroup(cell: StanceMapCell, row: number, inner: string): string {
  return `<g class="cell pol-${cell.polarity}" data-row="${row}" data-column="${cell.column}" tabindex="-1" role="button" aria-label="${xml(cell.description)}"><title>${xml(cell.description)}</title>${inner}</g>`;
}

export function renderStanceMapSvg(map: StanceMap, options: SvgOptions = {}): string {
  const mode = options.mode ?? 'grid';
  const theme = options.theme ?? 'fixed';
  const rowsH = Math.max(1, map.rows.length) * ROW_H;
  const dated = map.columns.map((c) => (c.date ? dateValue(c.date) : undefined));
  const years = dated.filter((d): d is number => d !== undefined);
  const first = years.length ? Math.floor(Math.min(...years)) : 0;
  const last = years.length ? Math.floor(Math.max(...years)) + 1 : 1;
  const bodyW = mode === 'grid' ? map.columns.length * COL_W : (last - first) * YEAR_W;
  const width = LABEL_W + bodyW + 20;
  const height = HEAD_H + rowsH + FOOT_H;
  const title = mode === 'grid' ? 'Stance map: targets by document, in date order' : 'Stance timeline: each document’s stance on a target at its date of publication';
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="sm-title sm-desc">`,
    `<title id="sm-title">${title}</title><desc id="sm-desc">${map.totals.stances} stances on ${map.totals.rows} targets in ${map.totals.documents} documents.</desc>`,
    style(theme),
  ];
  if (mode === 'grid') {
    map.columns.forEach((c, i) => {
      const x = LABEL_W + i * COL_W + COL_W / 2;
      parts.push(`<text class="head" x="${x}" y="20" text-anchor="middle">${xml(c.date ?? 'undated')}</text>`, `<text class="head muted" x="${x}" y="38" text-anchor="middle">${xml(clip(c.title, 24))}<title>${xml(c.title)}</title></text>`, `<text class="head muted" x="${x}" y="54" text-anchor="middle">${xml(clip(c.publisher ?? '', 24))}</text>`);
    });
  } else {
    for (let y = first; y <= last; y++) {
      const x = LABEL_W + (y - first) * YEAR_W;
      parts.push(`<line class="grid" x1="${x}" y1="${HEAD_H - 16}" x2="${x}" y2="${HEAD_H + rowsH}"/>`, `<text class="head" x="${x + 4}" y="${HEAD_H - 22}">${y}</text>`);
    }
  }
  map.rows.forEach((row, r) => {
    const y = HEAD_H + r * ROW_H;
    parts.push(`<line class="grid" x1="0" y1="${y}" x2="${width}" y2="${y}"/>`, `<text x="8" y="${y + 19}">${xml(clip((row.kind === 'topic' ? '' : row.kind + ': ') + row.label, 44))}<title>${xml(row.label)}</title></text>`);
    for (const cell of row.cells) {
      if (mode === 'grid') {
        const x = LABEL_W + cell.column * COL_W;
        parts.push(cellGroup(cell, r, `<rect class="mark" x="${x + 6}" y="${y + 4}" width="${COL_W - 12}" height="${ROW_H - 8}" rx="4"/><text class="count" x="${x + COL_W / 2}" y="${y + 19}">${xml(cellText(cell))}</text>`));
      } else {
        const at = dated[cell.column];
        if (at === undefined) continue;
        const cx = LABEL_W + (at - first) * YEAR_W;
        const radius = Math.min(13, 6 + 2 * Math.sqrt(cell.stances.length));
        parts.push(cellGroup(cell, r, `<circle class="mark" cx="${cx.toFixed(1)}" cy="${y + ROW_H / 2}" r="${radius.toFixed(1)}"/><text class="count" x="${cx.toFixed(1)}" y="${y + 19}">${xml(POLARITY_GLYPH[cell.polarity])}</text>`));
      }
    }
  });
  const legendY = HEAD_H + rowsH + 26;
  const undated = mode === 'timeline' && dated.some((d) => d === undefined) ? ' Undated documents are not plotted.' : '';
  parts.push(`<text class="muted" x="8" y="${legendY}">${POLARITIES.map((p) => `${POLARITY_GLYPH[p]} ${p}`).join('   ')}   (number: stances)${undated}</text>`, '</svg>');
  return parts.join('\n') + '\n';
}
