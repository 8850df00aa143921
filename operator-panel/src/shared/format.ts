// Times for the booth screen: clock times in the office's time zone, and running durations.
import type { Lang } from '../../../common/protocol';

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** 'HH:MM' in the office's zone, whatever zone the booth's computer is set to. */
export function clockTime(at: number, lang: Lang, timeZone: string): string {
  const id = `${lang}|${timeZone}`;
  let format = clockFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    clockFormats.set(id, format);
  }
  return format.format(at);
}

/** '4:07' or '1:02:09': a timer that reads at a glance. */
export function elapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
