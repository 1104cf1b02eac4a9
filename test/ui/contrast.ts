// Colour measurements for UI scenarios, from the screenshot's pixels: WCAG 2 contrast ratios and
// CIE76 colour differences (ΔE) between what the eye sees, e.g. a tint and the editor around it.
import type { Locator, Page } from 'playwright-core';

export type Rgb = [number, number, number];

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: Rgb): number {
  const c = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

function lab(rgb: Rgb): Rgb {
  const lin = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const [x, y, z] = [
    (lin[0] * 0.4124 + lin[1] * 0.3576 + lin[2] * 0.1805) / 0.95047,
    lin[0] * 0.2126 + lin[1] * 0.7152 + lin[2] * 0.0722,
    (lin[0] * 0.0193 + lin[1] * 0.1192 + lin[2] * 0.9505) / 1.08883,
  ];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference: about 2.3 is just noticeable, above 10 clearly different at a glance. */
export function deltaE(a: Rgb, b: Rgb): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

export const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/**
 * The pixels of a screenshot of `box`, decoded by the browser itself: the most frequent colour (the
 * background of that area) and the colour that contrasts most with it among those that occur at least
 * a few times (the text's core, not its anti-aliased edges).
 */
export async function sampleArea(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<{ background: Rgb; ink: Rgb }> {
  const png = await page.screenshot({ clip: box });
  const counts = await page.evaluate(async (b64: string) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const g = globalThis as any;
    const img = new g.Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = g.document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data: Uint8ClampedArray = ctx.getImageData(0, 0, img.width, img.height).data;
    const counts: Record<string, number> = {};
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }, png.toString('base64'));
  const colours = Object.entries(counts).map(([k, n]) => ({ rgb: k.split(',').map(Number) as Rgb, n }));
  colours.sort((a, b) => b.n - a.n);
  const background = colours[0].rgb;
  const frequent = colours.filter((c) => c.n >= 3);
  const ink = frequent.reduce((best, c) => (contrastRatio(c.rgb, background) > contrastRatio(best, background) ? c.rgb : best), background);
  return { background, ink };
}

/** The element's box, clipped to its top part (underlines of entities sit at the bottom). */
export async function topOf(locator: Locator, share = 0.6): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element is not on screen');
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.max(4, Math.round(box.height * share)) };
}
