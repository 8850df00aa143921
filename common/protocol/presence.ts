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
  })
  .strict();

export type DeviceReport = z.infer<typeof deviceReportSchema>;

export interface DevicePresence {
  deviceId: string;
  kind: DeviceKind;
  name: string;
  zone: string | null;
  online: boolean;
  /** When it last connected or disconnected. */
  since: number;
  report: DeviceReport;
}
