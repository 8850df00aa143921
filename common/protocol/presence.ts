// Which devices are connected now and what they report about themselves, so staff see a silent
// display or an offline kiosk at once.
import { z } from 'zod';
import type { DeviceKind } from './model';

export const deviceReportSchema = z
  .object({
    /** A display: whether it can play announcements ('blocked' until someone taps, 'off' by setting). */
    audio: z.enum(['enabled', 'blocked', 'off']).optional(),
    /** The page's version or user agent, to spot a stale kiosk. */
    client: z.string().max(200).optional(),
    /**
     * A display: what this screen shows, so staff know whose calls it announces — the hall (the
     * calls of one zone or every zone, maybe of some counters only) or the sign above one counter.
     */
    screen: z
      .object({
        kind: z.enum(['hall', 'booth-sign']),
        zone: z.string().max(100).nullable(),
        counterIds: z.array(z.string().max(100)).max(500).nullable(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type DeviceReport = z.infer<typeof deviceReportSchema>;

/** One connection of a device: one browser tab, one screen. */
export interface ScreenPresence {
  /** The connection's id, stable while it stays connected. */
  screenId: string;
  /** When it connected. */
  since: number;
  report: DeviceReport;
}

export interface DevicePresence {
  deviceId: string;
  kind: DeviceKind;
  name: string;
  zone: string | null;
  online: boolean;
  /** When it last connected or disconnected. */
  since: number;
  /** Its connected screens, each with its own report; empty while offline. */
  screens: ScreenPresence[];
}
