/**
 * Draws the Teams app icons (run: `npx tsx adapters/teams/app-package/make-icons.ts`):
 * color.png, 192x192, a white speech bubble with quote marks on Briefbot blue; outline.png,
 * 32x32, the same bubble in white on transparent, as Teams requires.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng, type RgbaImage } from './png.js';

type Shape = (x: number, y: number) => boolean;
type Rgb = [number, number, number];

const BLUE: Rgb = [56, 74, 160];
const WHITE: Rgb = [255, 255, 255];

function roundedRect(cx: number, cy: number, w: number, h: number, r: number): Shape {
  return (x, y) => {
    const dx = Math.max(Math.abs(x - cx) - (w / 2 - r), 0);
    const dy = Math.max(Math.abs(y - cy) - (h / 2 - r), 0);
    return dx * dx + dy * dy <= r * r;
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const d1 = side(ax, ay, bx, by, x, y);
    const d2 = side(bx, by, cx, cy, x, y);
    const d3 = side(cx, cy, ax, ay, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));
const minus = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && !b(x, y);

/** A quote mark: a round head with a tail curling down to the left. */
function quoteMark(cx: number, cy: number, r: number): Shape {
  return union(circle(cx, cy, r), triangle(cx - r, cy + r * 0.2, cx + r * 0.35, cy + r * 0.9, cx - r * 1.3, cy + r * 2.1));
}

/** Paints layers (shape, colour) over a background, 4×4 supersampled for smooth edges. */
function paint(size: number, background: Rgb | null, layers: Array<[Shape, Rgb]>): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b] = background ?? [0, 0, 0];
      let a = background ? 1 : 0;
      for (const [shape, colour] of layers) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) if (shape(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples)) hits++;
        }
        const cover = hits / (samples * samples);
        if (cover === 0) continue;
        const outA = cover + a * (1 - cover);
        r = (colour[0] * cover + r * a * (1 - cover)) / outA;
        g = (colour[1] * cover + g * a * (1 - cover)) / outA;
        b = (colour[2] * cover + b * a * (1 - cover)) / outA;
        a = outA;
      }
      const p = (y * size + x) * 4;
      pixels.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], p);
    }
  }
  return { width: size, height: size, pixels };
}

/** The 192x192 colour icon. */
export function drawColorIcon(): RgbaImage {
  const bubble = union(roundedRect(96, 86, 120, 86, 24), triangle(62, 120, 92, 120, 54, 152));
  const marks = union(quoteMark(80, 78, 11), quoteMark(114, 78, 11));
  return paint(192, BLUE, [
    [bubble, WHITE],
    [marks, BLUE],
  ]);
}

/** The 32x32 outline icon: white on transparent only. */
export function drawOutlineIcon(): RgbaImage {
  const ring = minus(roundedRect(16, 14, 28, 20, 5), roundedRect(16, 14, 24, 16, 3));
  const tail = triangle(7, 22, 14.5, 22, 6, 30);
  const marks = union(quoteMark(13, 13, 2), quoteMark(19.5, 13, 2));
  return paint(32, null, [[union(ring, tail, marks), WHITE]]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = new URL('../', import.meta.url);
  writeFileSync(new URL('color.png', dir), encodePng(drawColorIcon()));
  writeFileSync(new URL('outline.png', dir), encodePng(drawOutlineIcon()));
  process.stdout.write('wrote adapters/teams/color.png and adapters/teams/outline.png\n');
}
