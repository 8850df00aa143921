// Visitors told on their phones (#13): from a booth's "call next" to the "your turn" push, encrypted
// and VAPID-signed by the server, arriving decrypted at a push service on loopback — the server's
// part of what a visitor waits for, before the browser vendor's network. And what watching those
// tickets costs the command path: call-next answered with none of the waiting tickets watched and
// with every one of them watched (a push subscription each), in the same run. The server, the push
// service and the load are in this process (like "Kiosk tap to printed ticket").
import type { TicketResult } from '../common/protocol';
import { createChannelSettingsStore } from '../server/notify/channel-settings-store';
import { addContact } from '../server/notify/contacts-store';
import { call, MAIN_OFFICE, officeApi, startTalon, type RunningTalon } from '../test/support/talon-server';
import { allowLoopbackAddress, allowLoopbackEndpoint, startTestPushService, type TestPushService } from '../test/support/test-push-service';
import { ms, summarize } from './stats';

const WATCHED = 300;
const CALLS = 100;
const DAY = 86_400_000;

interface Run {
  callAnswered: number[];
  pushed: number[];
}

/** Issues WATCHED tickets (subscribed when `push` is given), then calls CALLS of them, timing each. */
async function callThrough(server: RunningTalon, push: TestPushService | undefined): Promise<Run> {
  const token = await server.login('operator1');
  /** In issue order, which is the order one booth calls one service's tickets. */
  const endpoints: string[] = [];
  for (let i = 0; i < WATCHED; i++) {
    // Issued at the booth (a kiosk is limited to a visitor's pace).
    const issued = await call<TicketResult>(server, officeApi('/tickets'), { token, body: { serviceId: 'documents', language: 'en' } });
    if (!issued.body.ok) throw new Error(JSON.stringify(issued.body.error));
    if (!push) continue;
    const subscription = push.subscription();
    const ticketId = issued.body.data.ticket.id;
    // Stored as POST …/public/tickets/:id/contacts stores it, without that route's per-IP limit.
    const contact = { subjectKind: 'ticket' as const, subjectId: ticketId, channel: 'push' as const, address: JSON.stringify(subscription), language: 'en' as const, keepUntil: Date.now() + DAY };
    await server.db.transaction((tx) => addContact(tx, MAIN_OFFICE, contact, Date.now()));
    endpoints.push(subscription.endpoint);
  }
  const counter = (action: string) => call(server, officeApi(`/counters/booth-1/${action}`), { token, body: {} });
  await counter('open');
  const run: Run = { callAnswered: [], pushed: [] };
  for (let i = 0; i < CALLS; i++) {
    const told = push && yourTurn(push, endpoints[i]!);
    const sent = performance.now();
    const called = await counter('call-next');
    run.callAnswered.push(performance.now() - sent);
    if (!called.body.ok) throw new Error(JSON.stringify(called.body.error));
    if (told) {
      await told;
      run.pushed.push(performance.now() - sent);
    }
    await counter('finish');
  }
  return run;
}

/** Resolves when the urgent message ("your turn") for this subscription reaches the push service; "N ahead" came before. */
function yourTurn(push: TestPushService, endpoint: string): Promise<void> {
  return new Promise((resolve) => {
    push.onMessage = (message) => {
      if (message.endpoint !== endpoint || message.urgency !== 'high') return;
      push.onMessage = undefined;
      resolve();
    };
  });
}

export async function benchPhonePush(): Promise<string> {
  const push = await startTestPushService();
  const plain = await startTalon();
  const watched = await startTalon({ pushEndpointAllowed: allowLoopbackEndpoint, pushAddressAllowed: allowLoopbackAddress });
  try {
    await createChannelSettingsStore(watched.db, MAIN_OFFICE).save('push', { enabled: true }, Date.now());
    const without = summarize((await callThrough(plain, undefined)).callAnswered);
    const told = await callThrough(watched, push);
    const withWatch = summarize(told.callAnswered);
    const pushed = summarize(told.pushed);
    return [
      `| ${WATCHED} waiting tickets, ${CALLS} calls | p50 | p99 | max |`,
      '| --- | --- | --- | --- |',
      `| call-next answered, no ticket watched | ${ms(without.p50)} | ${ms(without.p99)} | ${ms(without.max)} |`,
      `| call-next answered, every ticket watched | ${ms(withWatch.p50)} | ${ms(withWatch.p99)} | ${ms(withWatch.max)} |`,
      `| call-next sent → "your turn" decrypted at the push service | ${ms(pushed.p50)} | ${ms(pushed.p99)} | ${ms(pushed.max)} |`,
      '',
      'Each watched ticket has a push subscription at a loopback push service that checks the VAPID signature and decrypts the message (test/support/test-push-service.ts). The ticket watch and the outbox run after the commit, off the command path: the first two rows differ by what the same process does beside them.',
    ].join('\n');
  } finally {
    await watched.close();
    await plain.close();
    await push.close();
  }
}
