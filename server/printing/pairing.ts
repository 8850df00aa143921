// Which print agent prints a kiosk's tickets: the one named in the kiosk's settings
// (`{ printAgentId }`), or else the only print agent in the kiosk's zone. Two agents in one zone
// and no setting is a configuration an admin must settle; guessing would send tickets to the
// wrong end of the hall.
import type { Device } from '../../common/protocol';

export type Pairing = { ok: true; agentId: string } | { ok: false; reason: string };

function usableAgent(device: Device | undefined): device is Device {
  return device !== undefined && device.kind === 'print-agent' && !device.revoked;
}

export function pairedAgent(kiosk: Device, devices: readonly Device[]): Pairing {
  const named = kiosk.settings['printAgentId'];
  if (typeof named === 'string') {
    const agent = devices.find((d) => d.id === named);
    return usableAgent(agent) ? { ok: true, agentId: agent.id } : { ok: false, reason: `its printAgentId "${named}" is not an active print agent` };
  }
  const inZone = devices.filter((d) => usableAgent(d) && d.zone === kiosk.zone);
  const [only] = inZone;
  if (inZone.length === 1 && only) return { ok: true, agentId: only.id };
  return {
    ok: false,
    reason: inZone.length === 0 ? `no print agent is in its zone "${kiosk.zone ?? ''}"` : `${inZone.length} print agents share its zone; set printAgentId`,
  };
}
