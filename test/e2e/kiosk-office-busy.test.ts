// Issue #11: an office whose engine already has MAX_QUEUED commands waiting refuses more with
// 'office-busy', having changed nothing. The kiosk asks again by itself while it still says the
// ticket is being prepared; only an office that stays busy gets the visitor the message.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import { issueTicket } from '../../server/domain/ticket-commands';
import { MAX_QUEUED, type QueueEngine, type Who } from '../../server/engine/queue-engine';
import { ApiFailure } from '../../server/http/respond';
import { OFFICE_BUSY_PAUSES_MS } from '../../common/ui/office-busy-retry';
import { useBrowserAndServer } from '../support/browser-and-server';
import type { RunningTalon } from '../support/talon-server';
import { openKiosk, openTickets, serviceButton, shownTicketCode } from './kiosk-fixtures';

const staff: Who = { actor: { kind: 'user', id: 'operator', role: 'operator' } };

/**
 * Makes the office busy the way a flood does: the shared writer is held, so the engine's first
 * command waits for it and MAX_QUEUED more wait behind that one. `release` lets them all through.
 */
function makeBusy(server: RunningTalon): { release: () => void; flood: Promise<unknown> } {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  void server.db.transaction(() => held);
  const issue = () => server.engine.execute(staff, (state, config, ctx) => issueTicket(state, config, { serviceId: 'documents', source: 'staff', ignoreHours: true }, ctx));
  const flood = Promise.all(Array.from({ length: MAX_QUEUED + 1 }, issue));
  return { release, flood };
}

/** Counts the engine's 'office-busy' refusals as it gives them: here, only the kiosk's attempts. */
function countBusyRefusals(engine: QueueEngine): { count: number } {
  const refusals = { count: 0 };
  const execute = engine.execute.bind(engine);
  engine.execute = (who, command) => {
    const answer = execute(who, command);
    answer.catch((error: unknown) => {
      if (error instanceof ApiFailure && error.error.code === 'office-busy') refusals.count++;
    });
    return answer;
  };
  return refusals;
}

const kioskTicketCodes = async (server: RunningTalon) => (await openTickets(server)).filter((t) => t.source === 'kiosk').map((t) => t.code);

describe('kiosk at a busy office', () => {
  const env = useBrowserAndServer();
  let refusals: { count: number };
  beforeAll(() => {
    refusals = countBusyRefusals(env.server.engine);
  });
  beforeEach(() => {
    refusals.count = 0;
  });
  /** The office a test made busy; let through after it whatever happened, or closing would wait for it. */
  let busy: ReturnType<typeof makeBusy> | null = null;
  afterEach(async () => {
    busy?.release();
    await busy?.flood;
    busy = null;
  });

  it('keeps preparing the ticket while the office is busy, and shows it once the office takes the command', async () => {
    const page = await openKiosk(env.browser, env.server);
    await serviceButton(page, 'certificates').waitFor();
    busy = makeBusy(env.server);
    await serviceButton(page, 'certificates').click();
    await expect.poll(() => refusals.count).toBeGreaterThan(0);
    // Refused, yet the visitor is told the ticket is on its way, not that something went wrong.
    expect(await page.locator('.issuing[role="status"]').textContent()).toBe(translate('ru', 'kiosk.issuing'));
    expect(await page.locator('kiosk-message-panel').count()).toBe(0);

    busy.release();
    const code = await shownTicketCode(page);
    expect(await kioskTicketCodes(env.server)).toEqual([code]);
    await page.close();
  });

  it('shows the busy message only after asking again after every pause, and issues nothing', async () => {
    const page = await openKiosk(env.browser, env.server);
    await serviceButton(page, 'certificates').waitFor();
    const before = await kioskTicketCodes(env.server);
    busy = makeBusy(env.server);
    await serviceButton(page, 'certificates').click();
    await expect.poll(() => page.locator('kiosk-message-panel [role="alert"]').textContent()).toBe(translate('ru', 'errors.office-busy'));
    expect(refusals.count).toBe(1 + OFFICE_BUSY_PAUSES_MS.length);

    busy.release();
    await busy.flood;
    expect(await kioskTicketCodes(env.server)).toEqual(before);
    await page.close();
  });
});
