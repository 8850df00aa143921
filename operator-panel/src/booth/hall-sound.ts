// Whether the hall hears this booth's calls: the hall screens that announce them (by what each
// screen reports it shows) and, of those, the ones that cannot speak now. A booth sign is left out:
// it shows one booth and is silent by default; the voice in the hall is what visitors wait for.
import type { Counter, DevicePresence } from '../../../common/protocol';

export interface SilentHallScreen {
  /** The display's name, as the admin registered it. */
  name: string;
  /** 'blocked': the browser waits for a tap; 'off': switched off in its settings. */
  audio: 'blocked' | 'off';
}

export function silentHallScreens(devices: readonly DevicePresence[], counter: Pick<Counter, 'id' | 'zone'>): SilentHallScreen[] {
  const silent = devices.flatMap((device) =>
    device.screens.flatMap(({ report }) => {
      const shows = report.screen;
      const announcesThisBooth =
        shows?.kind === 'hall' && (shows.zone === null || shows.zone === counter.zone) && (shows.counterIds === null || shows.counterIds.includes(counter.id));
      return announcesThisBooth && (report.audio === 'blocked' || report.audio === 'off') ? [{ name: device.name, audio: report.audio }] : [];
    }),
  );
  // Two tabs of one display in the same state are one thing to tell the specialist.
  return silent.filter((s, i) => silent.findIndex((o) => o.name === s.name && o.audio === s.audio) === i);
}
