// What every element below the root needs, handed down once through @lit/context: the office, its
// live snapshot, the screen language, the server's clock, the devices' presence and a way to run queue
// commands.
import { createContext } from '@lit/context';
import type { Translator } from '../../../common/i18n';
import type { AppointmentsChanged, CommandInput, CommandName, CommandOutputs, DevicePresence, Lang, OfficeUser, QueueSnapshot, Result } from '../../../common/protocol';
import type { OfficeId } from '../../../common/protocol/offices';
import type { ServiceBreachRisk } from '../../../common/protocol/analytics';

export type RunCommand = <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<Result<CommandOutputs[K]>>;

export interface PanelEnv {
  /** The office this session works in; every office route and the socket are its. */
  officeId: OfficeId;
  snapshot: QueueSnapshot;
  /** The signed-in person with their role in this office. */
  user: OfficeUser;
  lang: Lang;
  t: Translator;
  /** Server clock minus this browser's clock, so timers agree with the server's timestamps. */
  clockOffset: number;
  /** Kiosks, displays and print agents as the server last pushed them (each display screen's sound). */
  devices: readonly DevicePresence[];
  run: RunCommand;
  /** Services with waiting visitors predicted to miss their target, as the server last said. */
  breachRisks: readonly ServiceBreachRisk[];
  /** The latest `appointments:changed` (a new object each time), so an open appointment book reads that day again; null until one came. */
  appointmentsChanged: AppointmentsChanged | null;
}

export const panelEnv = createContext<PanelEnv>(Symbol('panel-env'));

/** The server's "now" as this browser best knows it. */
export function serverNow(env: Pick<PanelEnv, 'clockOffset'>): number {
  return Date.now() + env.clockOffset;
}
