// The socket side of one office's printing. A print agent joins a room of its own, gets its pending jobs on
// every (re)connect and each new job as it is made, claims each job with `print:claim` just before
// printing it, answers it with `print:result`, and reports its printer with `printer:report`. Staff
// get `printer:status` on connect and on changes. The reported model and paper are stored with the
// device (see printable-config.ts) before staff are told. A kiosk gets the server's public URL on
// connect (`print:public-url`) and gives up on a ticket that has not printed in time with
// `print:give-up`.
import type { z } from 'zod';
import type { Result } from '../../common/protocol';
import { printerReportSchema, printGiveUpSchema, printJobClaimSchema, printJobResultSchema } from '../../common/protocol/printing';
import { parse, toApiError } from '../http/respond';
import type { PrintDesk } from '../printing/print-desk';
import type { DevicesStore } from '../store/devices-store';
import { isStaff } from '../auth/permissions';
import type { OfficeNamespace } from './socket-server';
import { logger } from '../observability/logger';

export interface PrintAgentsDeps {
  desk: PrintDesk;
  devices: DevicesStore;
  /** False once the office or the server is closing: a push nobody is left to receive is not an error. */
  open: () => boolean;
  /** Whether other nodes serve the office too: an agent may be connected to any of them. */
  spansNodes: boolean;
}

const agentRoom = (agentId: string) => `print-agent:${agentId}`;

/** An acknowledged request's handler: a malformed payload is refused, anything else is `decide`d. */
function acknowledged<S extends z.ZodType, T>(schema: S, decide: (input: z.output<S>) => Promise<Result<T>>) {
  return (raw: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return;
    const answer = ack as (result: Result<T>) => void;
    let input;
    try {
      input = parse(schema, raw);
    } catch (error) {
      return answer({ ok: false, error: toApiError(error) });
    }
    void decide(input).then(answer);
  };
}

export function attachPrintAgents(ns: OfficeNamespace, { desk, devices, open, spansNodes }: PrintAgentsDeps): void {
  // Closing the server disconnects the agents, whose last change then finds the database closed:
  // a push nobody is left to receive.
  const pushed = (work: Promise<unknown>) =>
    void work.catch((error: unknown) => open() && logger.error({ err: error }, 'could not read the printers for staff'));

  desk.sendJobsWith((agentId, job) => ns.to(agentRoom(agentId)).emit('print:job', job));
  if (spansNodes) {
    // What staff see of an agent connected to another node: that node's board, asked through the adapter.
    ns.on('printer:agent', (agentId, answer) => answer(desk.board.get(agentId)));
    desk.board.askOtherNodesWith((agentId) =>
      ns.serverSideEmitWithAck('printer:agent', agentId).catch((error: unknown) => {
        logger.warn({ err: error, device: agentId }, 'not every node told what it knows of a print agent');
        return [];
      }),
    );
  }
  desk.board.onChange((agentId) => pushed(desk.printer(agentId).then((printer) => printer && ns.to('staff').emit('printer:status', printer))));

  ns.on('connection', (socket) => {
    const { principal } = socket.data;
    if (isStaff(principal)) {
      pushed(desk.printers().then((printers) => printers.forEach((printer) => socket.emit('printer:status', printer))));
      return;
    }
    if (principal.kind !== 'device') return;
    const device = principal.device;
    if (device.kind === 'kiosk') {
      socket.emit('print:public-url', { publicUrl: desk.publicUrl() });
      socket.on('print:give-up', acknowledged(printGiveUpSchema, ({ ticketId }) => desk.life.giveUp(device, ticketId)));
      return;
    }
    if (device.kind !== 'print-agent') return;
    const agent = device;

    // Joined before the pending jobs are read, so a job made in between arrives one way or the
    // other (or both: the agent prints a job id once).
    void socket.join(agentRoom(agent.id));
    desk.board.connected(agent.id);
    socket.on('disconnect', () => desk.board.disconnected(agent.id));

    // Reports are handled in order, each stored before it is shown; the profile is written only
    // when it changes, so the periodic reports cost no write.
    let stored = agent.printer;
    let reports = Promise.resolve();
    socket.on('printer:report', (raw: unknown) => {
      const parsed = printerReportSchema.safeParse(raw);
      if (!parsed.success) return;
      const report = parsed.data;
      reports = reports
        .then(async () => {
          if (stored?.model !== report.model || stored.paper !== report.paper) {
            await devices.recordPrinter(agent.id, { model: report.model, paper: report.paper });
            stored = { model: report.model, paper: report.paper };
          }
          desk.board.reported(agent.id, report);
        })
        .catch((error: unknown) => {
          if (open()) logger.error({ err: error, device: agent.id }, 'could not store the printer a print agent reported');
        });
    });

    socket.on('print:claim', acknowledged(printJobClaimSchema, ({ jobId }) => desk.life.claim(agent, jobId)));
    socket.on('print:result', acknowledged(printJobResultSchema, (report) => desk.life.recordResult(agent, report)));

    void desk.life.pendingFor(agent.id).then(
      (jobs) => jobs.forEach((job) => socket.emit('print:job', job)),
      (error: unknown) => logger.error({ err: error, device: agent.id }, 'could not read pending print jobs'),
    );
  });
}
