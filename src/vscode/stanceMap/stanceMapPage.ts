// The webview's page shell: a strict Content-Security-Policy (no network; only this page's nonce may run
// script or style), theme colours through VS Code's CSS variables, and a small script for keyboard
// navigation (arrow keys over the cells, Enter opens) that posts what the person chose to the extension.

const STYLE = `
body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);background:var(--vscode-editor-background);padding:0 12px}
.toolbar{display:flex;gap:16px;align-items:center;flex-wrap:wrap;margin:10px 0}
button,select{font:inherit;color:var(--vscode-button-secondaryForeground);background:var(--vscode-button-secondaryBackground);border:1px solid var(--vscode-contrastBorder,transparent);padding:2px 8px}
select{color:var(--vscode-dropdown-foreground);background:var(--vscode-dropdown-background);border-color:var(--vscode-dropdown-border,transparent)}
button[aria-checked=true]{color:var(--vscode-button-foreground);background:var(--vscode-button-background)}
:focus-visible,.cell:focus{outline:2px solid var(--vscode-focusBorder);outline-offset:1px}
table{border-collapse:collapse}
th,td{border-bottom:1px solid var(--vscode-editorWidget-border,var(--vscode-panel-border));padding:3px 4px;vertical-align:middle}
thead th{text-align:center;font-weight:normal;max-width:132px}
thead th span{display:block}.date{font-weight:600}.title{font-size:90%}.outlet,.kind,.legend,.none{color:var(--vscode-descriptionForeground)}
tbody th{text-align:left;font-weight:normal;max-width:250px}
button.cell{width:128px;min-height:34px;display:flex;flex-direction:column;align-items:center;justify-content:center;border-radius:4px;cursor:pointer;padding:1px 4px}
button.cell.empty{background:transparent;border:1px dashed var(--vscode-editorWidget-border,transparent);opacity:.5;cursor:default}
.holders{font-size:85%;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:120px}
.mark{font-weight:700}
.legend .cell{display:inline-block;width:18px;text-align:center;border-radius:3px}
.pol-support{--pol:var(--vscode-charts-blue)}.pol-oppose{--pol:var(--vscode-charts-orange)}.pol-mixed{--pol:var(--vscode-charts-purple)}.pol-neutral{--pol:var(--vscode-charts-lines)}
button.cell:not(.empty),.legend .cell{background:var(--pol);color:var(--vscode-editor-background);border:1px solid var(--vscode-contrastBorder,var(--pol))}
.timeline svg{max-width:100%;height:auto}.timeline svg text{fill:var(--vscode-foreground);font-family:var(--vscode-font-family);font-size:12px}
.timeline svg .muted{fill:var(--vscode-descriptionForeground)}.timeline svg .grid{stroke:var(--vscode-editorWidget-border,var(--vscode-panel-border))}
.timeline svg .mark{fill:var(--pol);stroke:var(--vscode-contrastBorder,none)}.timeline svg .count{fill:var(--vscode-editor-background);text-anchor:middle;font-weight:700}
.timeline svg g.cell{cursor:pointer}.timeline svg g.cell:focus{outline:none}.timeline svg g.cell:focus .mark{stroke:var(--vscode-focusBorder);stroke-width:3}
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
const main = document.getElementById('map');
let focusAt = vscode.getState() || { row: 0, column: 0 };
function cells() { return [...main.querySelectorAll('.cell[data-row]')]; }
function place(focus) {
  const all = cells();
  if (!all.length) return;
  let target = all.find((c) => +c.dataset.row === focusAt.row && +c.dataset.column === focusAt.column) || all[0];
  all.forEach((c) => c.setAttribute('tabindex', c === target ? '0' : '-1'));
  if (focus) target.focus();
}
function move(from, dr, dc) {
  const all = cells();
  const row = +from.dataset.row, column = +from.dataset.column;
  const same = (r) => all.filter((c) => +c.dataset.row === r).sort((a, b) => a.dataset.column - b.dataset.column);
  let next;
  if (dc) { const list = same(row); const i = list.indexOf(from) + dc; next = list[i]; }
  else { const list = same(row + dr); next = list.reduce((best, c) => (!best || Math.abs(c.dataset.column - column) < Math.abs(best.dataset.column - column) ? c : best), undefined); }
  if (next) { focusAt = { row: +next.dataset.row, column: +next.dataset.column }; vscode.setState(focusAt); place(true); }
}
main.addEventListener('click', (e) => {
  const cell = e.target.closest('.cell[data-row]');
  if (cell && !cell.classList.contains('empty')) { focusAt = { row: +cell.dataset.row, column: +cell.dataset.column }; vscode.setState(focusAt); vscode.postMessage({ type: 'open', row: focusAt.row, column: focusAt.column }); }
  const mode = e.target.closest('[data-mode]');
  if (mode) vscode.postMessage({ type: 'mode', mode: mode.dataset.mode });
});
main.addEventListener('keydown', (e) => {
  const cell = e.target.closest('.cell[data-row]');
  if (!cell) return;
  const keys = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
  if (keys[e.key]) { e.preventDefault(); move(cell, ...keys[e.key]); }
  else if ((e.key === 'Enter' || e.key === ' ') && cell.tagName !== 'BUTTON') { e.preventDefault(); cell.dispatchEvent(new MouseEvent('click', { bubbles: true })); }
});
main.addEventListener('change', (e) => {
  const filter = e.target.dataset && e.target.dataset.filter;
  if (filter) vscode.postMessage({ type: 'filter', filter, value: e.target.value });
});
window.addEventListener('message', (e) => {
  if (e.data.type !== 'render') return;
  const hadFocus = main.contains(document.activeElement) && document.activeElement.classList.contains('cell');
  main.innerHTML = e.data.body;
  place(hadFocus);
});
place(false);
`;

export function renderPage(nonce: string, cspSource: string, body: string): string {
  const csp = `default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0"><title>Stance Map</title><style nonce="${nonce}">${STYLE}</style></head>
<body><main id="map" aria-label="Stance Map">${body}</main><script nonce="${nonce}">${SCRIPT}</script></body></html>`;
}
