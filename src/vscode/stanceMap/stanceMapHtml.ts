import { POLARITIES } from '../../core/model';
import { cellText, POLARITY_GLYPH, renderStanceMapSvg, type StanceMap } from '../../core/stanceMap';

// The Stance Map's HTML, pure (no VS Code API): a toolbar of filters and a mode switch, then the map as
// an accessible grid (a table of buttons) or as the core's timeline SVG with theme colours.

export type MapMode = 'grid' | 'timeline';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function select(name: string, label: string, values: Array<{ key: string; name: string }>, chosen: readonly string[] | undefined): string {
  const options = values.map((v) => `<option value="${esc(v.key)}"${chosen?.includes(v.key) ? ' selected' : ''}>${esc(v.name)}</option>`).join('');
  return `<label>${label} <select data-filter="${name}"><option value="">all</option>${options}</select></label>`;
}

function toolbar(map: StanceMap, mode: MapMode): string {
  const f = map.filters;
  const plain = (list: string[]) => list.map((v) => ({ key: v, name: v }));
  return `<div class="toolbar" role="toolbar" aria-label="Stance map options">
<div role="radiogroup" aria-label="View">${(['grid', 'timeline'] as const).map((m) => `<button data-mode="${m}" role="radio" aria-checked="${m === mode}">${m === 'grid' ? 'Grid' : 'Timeline'}</button>`).join('')}</div>
${select('authors', 'Annotator', plain(map.available.authors), f.authors)}
${select('holders', 'Holder', map.available.holders, f.holders)}
${select('tags', 'Tag', plain(map.available.tags), f.tags)}
</div>`;
}

function grid(map: StanceMap): string {
  const head = map.columns.map((c) => `<th scope="col" title="${esc(c.documentPath)}"><span class="date">${esc(c.date ?? 'undated')}</span><span class="title">${esc(c.title)}</span>${c.publisher ? `<span class="outlet">${esc(c.publisher)}</span>` : ''}</th>`).join('');
  const rows = map.rows.map((row, r) => {
    const cells = map.columns.map((col, i) => {
      const cell = row.cells.find((c) => c.column === i);
      if (!cell) return `<td role="gridcell"><button class="cell empty" data-row="${r}" data-column="${i}" tabindex="-1" aria-label="${esc(`${row.label} in ${col.title}: no stance`)}"></button></td>`;
      return `<td role="gridcell"><button class="cell pol-${cell.polarity}" data-row="${r}" data-column="${i}" tabindex="-1" aria-label="${esc(cell.description)}" title="${esc(cell.description)}"><span class="mark" aria-hidden="true">${esc(cellText(cell))}</span><span class="holders" aria-hidden="true">${esc(cell.holders.join(', '))}</span></button></td>`;
    });
    return `<tr><th scope="row" class="row-${row.kind}">${row.kind === 'topic' ? '' : `<span class="kind">${row.kind}</span> `}${esc(row.label)}</th>${cells.join('')}</tr>`;
  });
  return `<table role="grid" aria-label="Stances by target and document, documents in date order"><thead><tr><th scope="col">Target</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function renderBody(map: StanceMap, mode: MapMode): string {
  const legend = `<p class="legend">${POLARITIES.map((p) => `<span class="cell pol-${p}"><span class="mark">${POLARITY_GLYPH[p]}</span></span> ${p}`).join(' ')} · number: stances · ${map.totals.stances} stances on ${map.totals.rows} targets in ${map.totals.documents} documents</p>`;
  const content = !map.rows.length ? '<p class="none">No stances match. Add stances with “Add Stance”, or clear the filters.</p>' : mode === 'grid' ? grid(map) : `<div class="timeline">${renderStanceMapSvg(map, { mode: 'timeline', theme: 'css' })}</div>`;
  return `${toolbar(map, mode)}${legend}${content}`;
}
