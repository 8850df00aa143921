// Scales shared by the SVG charts: round axis ticks, colour ramps for heat maps, series colours.
// Colours are plain hex strings written into SVG attributes, so a chart exported as PNG keeps them.

/** Series colours, distinguishable for the common colour-vision deficiencies (Okabe–Ito order). */
export const SERIES_COLOURS = ['#0b5cad', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#6b7280'] as const;

/** Ticks from 0 up to a round number at or above `max`: 0, 5, 10 … or 0, 0.2, 0.4 … */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  // Rounded to the step's precision so 0.1 + 0.2 prints as 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let v = 0; v < max + step / 2; v += step) ticks.push(Number(v.toFixed(digits)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toFixed(digits)));
  return ticks;
}

type Rgb = [number, number, number];

function hex(colour: string): Rgb {
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function ramp(stops: readonly string[], t: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const scaled = clamped * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(scaled));
  const [a, b] = [hex(stops[i]!), hex(stops[i + 1]!)];
  const f = scaled - i;
  return toHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/** Light yellow → deep red: "more" reads as "hotter". */
export const SEQUENTIAL_STOPS = ['#fff5cc', '#fed976', '#fd8d3c', '#e31a1c', '#800026'] as const;
/** Blue (below zero) → white → red (above zero). */
export const DIVERGING_STOPS = ['#2166ac', '#92c5de', '#f7f7f7', '#f4a582', '#b2182b'] as const;

/** t in 0…1. */
export function sequentialColour(t: number): string {
  return ramp(SEQUENTIAL_STOPS, t);
}

/** t in −1…1, 0 is neutral. */
export function divergingColour(t: number): string {
  return ramp(DIVERGING_STOPS, (t + 1) / 2);
}

/** Dark text on light fills, white on dark ones (relative luminance, WCAG formula). */
export function textColourOn(fill: string): string {
  const [r, g, b] = hex(fill).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.35 ? '#111827' : '#ffffff';
}

/** The font stack of the design tokens, written into SVG so an exported image uses it too. */
export const CHART_FONT = "Inter, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";
