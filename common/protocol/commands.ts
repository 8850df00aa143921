// Every queue command, once: its REST route, its socket event and its result. The server builds
// both transports from this table, and clients call either with the same types.
import type { Result } from './errors';
import type { QueueSnapshot } from './events';
import type { DeviceReport } from './presence';
import type { CounterState, Ticket } from './model';
import type { GaveUpPrinting, PrinterReport, PrintGiveUp, PrintJobClaim, PrintJobResult } from './printing';
import type { CommandInput, CommandName } from './schemas';

export interface TicketResult {
  ticket: Ticket;
}

export interface CounterResult {
  counter: CounterState;
  /** The ticket the action concerned, as it is now (null when the counter holds none). */
  ticket: Ticket | null;
}

export interface CommandOutputs {
  'ticket:issue': TicketResult;
  'ticket:grant-category': TicketResult;
  'ticket:cancel': TicketResult;
  'ticket:print-result': TicketResult;
  'counter:open': CounterResult;
  'counter:close': CounterResult;
  'counter:pause': CounterResult;
  'counter:resume': CounterResult;
  'counter:call-next': CounterResult;
  'counter:call-ticket': CounterResult;
  'counter:recall': CounterResult;
  'counter:start': CounterResult;
  'counter:finish': CounterResult;
  'counter:no-show': CounterResult;
  'counter:return': CounterResult;
  'counter:transfer': CounterResult;
}

/** REST, inside an office (`/api/offices/<id>` + the path): every command is a POST; `:param`s are taken from the path, the rest from the JSON body. */
export const COMMAND_ROUTES: Record<CommandName, string> = {
  'ticket:issue': '/tickets',
  'ticket:grant-category': '/tickets/:ticketId/category',
  'ticket:cancel': '/tickets/:ticketId/cancel',
  'ticket:print-result': '/tickets/:ticketId/print-result',
  'counter:open': '/counters/:counterId/open',
  'counter:close': '/counters/:counterId/close',
  'counter:pause': '/counters/:counterId/pause',
  'counter:resume': '/counters/:counterId/resume',
  'counter:call-next': '/counters/:counterId/call-next',
  'counter:call-ticket': '/counters/:counterId/call-ticket',
  'counter:recall': '/counters/:counterId/recall',
  'counter:start': '/counters/:counterId/start',
  'counter:finish': '/counters/:counterId/finish',
  'counter:no-show': '/counters/:counterId/no-show',
  'counter:return': '/counters/:counterId/return',
  'counter:transfer': '/counters/:counterId/transfer',
};

export type Ack<T> = (result: Result<T>) => void;

type CommandEvents = {
  [K in CommandName]: (input: CommandInput<K>, ack: Ack<CommandOutputs[K]>) => void;
};

export interface ClientToServerEvents extends CommandEvents {
  'queue:resync': (ack: Ack<QueueSnapshot>) => void;
  /** A device tells how it is doing (a display: whether it can play sound). */
  'device:report': (report: DeviceReport) => void;
  /** From a print agent before it prints a job: whether it still may (`print: false` — drop it). */
  'print:claim': (claim: PrintJobClaim, ack: Ack<{ print: boolean }>) => void;
  /** From a kiosk whose ticket has not printed in time: expire its job unless it is printing now. */
  'print:give-up': (giveUp: PrintGiveUp, ack: Ack<GaveUpPrinting>) => void;
  /** From a print agent: one job's outcome; answered once the server has recorded it. */
  'print:result': (report: PrintJobResult, ack: Ack<{ jobId: string }>) => void;
  /** From a print agent: its printer's state, on connect, after each job and periodically. */
  'printer:report': (report: PrinterReport) => void;
}
