// bench/scaling.svg: time against size, log-log, one panel per suite and x unit. A dashed line of
// slope 1 through each panel's first point shows what linear growth would look like.
import type { Figure } from './types';

const W = 460;
const H = 320;
const M = { left: 58, right: 16, top: 34, bottom: 78 };
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];

interface Panel {
  title: string;
  xUnit: string;
  series: Map<string, Array<[number, number]>>;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function panels(figures: readonly Figure[]): Panel[] {
  const byKey = new Map<string, Panel>();
  for (const f of figures) {
    if (!f.series || !f.x || f.unit !== 'ms' || f.median <= 0) continue;
    if (!['scan', 'reanchor', 'yaml'].includes(f.suite)) continue;
    const key = `${f.suite}|${f.xUnit}`;
    let p = byKey.get(key);
    if (!p) byKey.set(key, (p = { title: `${f.suite}: ms against ${f.xUnit}`, xUnit: f.xUnit ?? '', series: new Map() }));
    const s = p.series.get(f.series) ?? [];
    s.push([f.x, f.median]);
    p.series.set(f.series, s);
  }
  return [...byKey.values()];
}

const decades = (lo: number, hi: number): number[] => {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
};

const label = (v: number): string => (v >= 1e6 ? `${v / 1e6}M` : v >= 1e3 ? `${v / 1e3}k` : v >= 1 ? String(v) : String(+v.toPrecision(1)));

function panelSvg(p: Panel, ox: number, oy: number): string {
  const pts = [...p.series.values()].flat();
  // Axes span the data (padded), with grid lines at the powers of ten inside.
  const range = (vals: number[]): [number, number] => {
    const lo = Math.log10(Math.min(...vals));
    const hi = Math.log10(Math.max(...vals));
    const pad = Math.max((hi - lo) * 0.06, 0.1);
    return [lo - pad, hi + pad];
  };
  const [x0, x1] = range(pts.map((q) => q[0]));
  const [y0, y1] = range(pts.map((q) => q[1]));
  const xs = decades(10 ** x0, 10 ** x1).filter((v) => Math.log10(v) >= x0 && Math.log10(v) <= x1);
  const ys = decades(10 ** y0, 10 ** y1).filter((v) => Math.log10(v) >= y0 && Math.log10(v) <= y1);
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const X = (v: number): number => ox + M.left + ((Math.log10(v) - x0) / Math.max(x1 - x0, 1e-9)) * pw;
  const Y = (v: number): number => oy + M.top + ph - ((Math.log10(v) - y0) / Math.max(y1 - y0, 1e-9)) * ph;
  const out: string[] = [`<text x="${ox + W / 2}" y="${oy + 20}" text-anchor="middle" font-weight="bold">${esc(p.title)}</text>`];
  for (const v of xs) out.push(`<line x1="${X(v)}" y1="${oy + M.top}" x2="${X(v)}" y2="${oy + M.top + ph}" stroke="#ddd"/><text x="${X(v)}" y="${oy + M.top + ph + 14}" text-anchor="middle">${label(v)}</text>`);
  for (const v of ys) out.push(`<line x1="${ox + M.left}" y1="${Y(v)}" x2="${ox + M.left + pw}" y2="${Y(v)}" stroke="#ddd"/><text x="${ox + M.left - 4}" y="${Y(v) + 4}" text-anchor="end">${label(v)}</text>`);
  out.push(`<rect x="${ox + M.left}" y="${oy + M.top}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>`);
  let k = 0;
  for (const [name, raw] of p.series) {
    const s = [...raw].sort((a, b) => a[0] - b[0]);
    const colour = COLOURS[k % COLOURS.length];
    out.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${s.map(([x, y]) => `${X(x).toFixed(1)},${Y(y).toFixed(1)}`).join(' ')}"/>`);
    for (const [x, y] of s) out.push(`<circle cx="${X(x).toFixed(1)}" cy="${Y(y).toFixed(1)}" r="3" fill="${colour}"><title>${esc(name)}: ${x} ${esc(p.xUnit)}, ${y.toPrecision(3)} ms</title></circle>`);
    if (s.length > 1) {
      // Linear reference from this series' first point, clipped to the panel.
      const [fx, fy] = s[0];
      const lx = s[s.length - 1][0];
      const ly = Math.min(fy * (lx / fx), 10 ** y1);
      const lxClipped = fx * (ly / fy);
      out.push(`<line x1="${X(fx)}" y1="${Y(fy)}" x2="${X(lxClipped)}" y2="${Y(ly)}" stroke="${colour}" stroke-dasharray="4 3" opacity="0.5"/>`);
    }
    const lyPos = oy + M.top + ph + 30 + Math.floor(k / 2) * 13;
    const lxPos = ox + M.left + (k % 2) * (pw / 2);
    out.push(`<rect x="${lxPos}" y="${lyPos - 8}" width="10" height="3" fill="${colour}"/><text x="${lxPos + 14}" y="${lyPos}">${esc(name)}</text>`);
    k++;
  }
  return out.join('\n');
}

export function scalingSvg(figures: readonly Figure[]): string {
  const ps = panels(figures);
  const cols = 2;
  const rows = Math.max(1, Math.ceil(ps.length / cols));
  const body = ps.map((p, i) => panelSvg(p, (i % cols) * W, Math.floor(i / cols) * H + 24)).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * W}" height="${rows * H + 24}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="8" y="16">Median time (ms) against size, log-log. Dashed: linear growth from each series' first point; a solid line above it grows faster than linear.</text>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}
