// What one display shows and says. Each display is a registered device: an admin sets its
// settings on the server (the same names as below); the page's URL may override them on the spot,
// e.g. /display/?key=…&zone=hall&lang=ru,en&speak=1&repeat=2&recent=8&waiting=1&ticker=…
// A booth sign is the same page with `?counter=<counter id>`.
import { LANGUAGES, RECENT_CALLS_KEPT, type Lang } from '../../common/protocol';

export type DisplayLayout = 'auto' | 'landscape' | 'portrait';

export interface DisplaySettings {
  /** Show the sign above this counter instead of the hall view. */
  boothCounterId: string | null;
  /** Only counters in this zone (null: every zone). */
  zone: string | null;
  /** Only these counters (null: all in the zone). */
  counterIds: string[] | null;
  /** Only calls for these services (null: all). */
  serviceIds: string[] | null;
  layout: DisplayLayout;
  /** Screen and voice languages, the first one leading; empty means the office's default language. */
  languages: Lang[];
  speak: boolean;
  /** How many times each announcement is said. */
  repeat: number;
  /** Loudness of announcements in per cent of the screen's own volume. */
  volume: number;
  /** How many earlier calls to list. */
  recentCount: number;
  /** How long a new call blinks. */
  highlightSeconds: number;
  /** Running text from the office; empty for none. */
  ticker: string;
  /** Show how many people wait for each service. */
  showWaiting: boolean;
}

export const MAX_REPEAT = 5;

function list(value: string | null): string[] | null {
  const items = value?.split(',').map((s) => s.trim()).filter((s) => s !== '') ?? [];
  return items.length > 0 ? items : null;
}

function flag(value: string | null, fallback: boolean): boolean {
  if (value === null) return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/** An integer within [min, max]; anything else falls back, so a typo never breaks the screen. */
function bounded(value: string | null, min: number, max: number, fallback: number): number {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

function isLang(value: string): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** The device's settings from the server, with the URL's parameters winning where both are given. */
export function mergedParams(deviceSettings: Record<string, unknown>, search: string): URLSearchParams {
  const merged = new URLSearchParams();
  for (const [name, value] of Object.entries(deviceSettings)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') merged.set(name, String(value));
    else if (Array.isArray(value)) merged.set(name, value.map(String).join(','));
  }
  for (const [name, value] of new URLSearchParams(search)) merged.set(name, value);
  return merged;
}

export function displaySettingsFrom(params: URLSearchParams): DisplaySettings {
  const boothCounterId = params.get('counter')?.trim() || null;
  const layout = params.get('layout');
  return {
    boothCounterId,
    zone: params.get('zone')?.trim() || null,
    counterIds: list(params.get('counters')),
    serviceIds: list(params.get('services')),
    layout: layout === 'landscape' || layout === 'portrait' ? layout : 'auto',
    languages: [...new Set(list(params.get('lang'))?.filter(isLang) ?? [])],
    // A hall display speaks unless told not to; a booth sign is silent unless told to speak.
    speak: flag(params.get('speak'), boothCounterId === null),
    repeat: bounded(params.get('repeat'), 1, MAX_REPEAT, 1),
    volume: bounded(params.get('volume'), 0, 100, 100),
    recentCount: bounded(params.get('recent'), 0, RECENT_CALLS_KEPT, 6),
    highlightSeconds: bounded(params.get('highlight'), 0, 120, 10),
    ticker: (params.get('ticker') ?? '').trim().slice(0, 1000),
    showWaiting: flag(params.get('waiting'), false),
  };
}
