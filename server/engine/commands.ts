// Every queue command, whatever the transport: check who may run it, validate the input, run the
// domain in turn, and answer with a typed result. REST routes and socket events both call `run`.
import {
  commandSchemas,
  type CommandInput,
  type CommandName,
  type CommandOutputs,
  type Result,
  type Ticket,
  type TicketResult,
} from '../../common/protocol';
import type { Outcome } from '../domain/outcome';
import { actorOf, type Principal } from '../auth/principal';
import { mayRun } from '../auth/permissions';
import {
  callNext,
  callSpecific,
  closeCounter,
  finishService,
  noShow,
  openCounter,
  pauseCounter,
  recall,
  resumeCounter,
  returnToQueue,
  startService,
  transfer,
} from '../domain/counter-commands';
import { cancelTicket, grantCategory, issueTicket, recordPrint } from '../domain/ticket-commands';
import { ApiFailure, fail, parse, toApiError } from '../http/respond';
import type { DomainCommand, QueueEngine } from './queue-engine';
import { logger } from '../observability/logger';

type Handlers = {
  [K in CommandName]: (input: CommandInput<K>, principal: Principal) => DomainCommand<CommandOutputs[K]>;
};

function asTicketResult(outcome: Outcome<Ticket>): Outcome<TicketResult> {
  return outcome.ok ? { ...outcome, value: { ticket: outcome.value } } : outcome;
}

const handlers: Handlers = {
  'ticket:issue': (input, principal) => (state, config, ctx) => {
    const staff = principal.kind === 'user';
    const outcome = issueTicket(
      state,
      config,
      {
        serviceId: input.serviceId,
        ...(input.language ? { language: input.language } : {}),
        ...(input.requestId ? { requestId: input.requestId } : {}),
        source: staff ? 'staff' : 'kiosk',
        // A specialist issuing for a visitor already at the booth is not bound by the kiosk's hours.
        ignoreHours: staff,
      },
      ctx,
    );
    return asTicketResult(outcome);
  },
  'ticket:grant-category': (input) => (s, c, x) => asTicketResult(grantCategory(s, c, input, x)),
  'ticket:cancel': (input) => (s, _c, x) => asTicketResult(cancelTicket(s, input, x)),
  'ticket:print-result': (input) => (s) => asTicketResult(recordPrint(s, input)),
  'counter:open': (input) => (s, c, x) => openCounter(s, c, input, x),
  'counter:close': (input) => (s, c, x) => closeCounter(s, c, input, x),
  'counter:pause': (input) => (s, c, x) => pauseCounter(s, c, input, x),
  'counter:resume': (input) => (s, c, x) => resumeCounter(s, c, input, x),
  'counter:call-next': (input) => (s, c, x) => callNext(s, c, input, x),
  'counter:call-ticket': (input) => (s, c, x) => callSpecific(s, c, input, x),
  'counter:recall': (input) => (s, c, x) => recall(s, c, input, x),
  'counter:start': (input) => (s, c, x) => startService(s, c, input, x),
  'counter:finish': (input) => (s, c, x) => finishService(s, c, input, x),
  'counter:no-show': (input) => (s, c, x) => noShow(s, c, input, x),
  'counter:return': (input) => (s, c, x) => returnToQueue(s, c, input, x),
  'counter:transfer': (input) => (s, c, x) => transfer(s, c, input, x),
};

export interface CommandGuard {
  /** Throws ApiFailure('rate-limited') when the principal issues too fast; `input` is already validated. */
  beforeRun?(name: CommandName, principal: Principal, input?: CommandInput<CommandName>): void;
}

export class CommandRunner {
  constructor(
    private readonly engine: QueueEngine,
    private readonly guard: CommandGuard = {},
  ) {}

  async run<K extends CommandName>(name: K, rawInput: unknown, principal: Principal): Promise<Result<CommandOutputs[K]>> {
    try {
      if (!mayRun(principal, name)) {
        fail(principal.kind === 'public' ? 'unauthenticated' : 'forbidden', `Not allowed to ${name.replace(':', ' ')}`);
      }
      const input = parse(commandSchemas[name], rawInput) as CommandInput<K>;
      this.guard.beforeRun?.(name, principal, input);
      const handler = handlers[name] as (i: CommandInput<K>, p: Principal) => DomainCommand<CommandOutputs[K]>;
      const name_ = principal.kind === 'user' ? principal.user.name : undefined;
      const data = await this.engine.execute({ actor: actorOf(principal), ...(name_ ? { name: name_ } : {}) }, handler(input, principal));
      return { ok: true, data };
    } catch (error) {
      if (!(error instanceof ApiFailure)) logger.error({ err: error, office: this.engine.officeId, command: name }, 'command failed unexpectedly');
      return { ok: false, error: toApiError(error) };
    }
  }
}
