// Two nodes on one PostgreSQL database, each with its dispatcher, sending the same office's outbox at
// the same moment: every message goes exactly once, from one node or the other, because each is
// claimed before it is sent.
import { afterEach, expect, it } from 'vitest';
import type { MessageFacts, Ticket } from '../../common/protocol';
import { createApp, type TalonApp } from '../../server/app';
import type { ChannelSender, RenderedMessage } from '../../server/notify/channel-sender';
import { enqueueForSubject } from '../../server/notify/outbox-store';
import type { Database } from '../../server/store/database';
import { officeLock } from '../../server/store/office-lock';
import { call, MAIN_OFFICE, officeApi, startTalon, type RunningTalon } from '../support/talon-server';
import { onlyOn, openTestDatabase } from '../support/test-database';

const MESSAGES = 40;

function recordingSender(): ChannelSender & { texts: string[] } {
  const texts: string[] = [];
  return {
    channel: 'push',
    texts,
    send: async (_office, _contact, message: RenderedMessage) => {
      // A send takes a moment, as a push service's answer does: the other node is looking meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 5));
      texts.push(message.text);
    },
  };
}

let a: RunningTalon | undefined;
let b: { talon: TalonApp; db: Database } | undefined;

afterEach(async () => {
  await b?.talon.close();
  await b?.db.close();
  await a?.close();
  a = b = undefined;
});

onlyOn('postgres')('two nodes', () => {
  it('send each queued message exactly once between them', async () => {
    const senderA = recordingSender();
    const senderB = recordingSender();
    a = await startTalon({ senders: [senderA] });
    const dbB = await openTestDatabase(a.dataDir);
    b = { talon: await createApp({ db: dbB, webApps: 'none', dataDir: a.dataDir, nodeId: 'node-b', senders: [senderB] }), db: dbB };
    const admin = await a.login('admin');
    await call(a, officeApi('/channels/push'), { method: 'PUT', body: { enabled: true }, token: admin });
    const issued = await call<{ ticket: Ticket }>(a, officeApi('/tickets'), { body: { serviceId: 'documents' }, token: admin });
    if (!issued.body.ok) throw new Error('no ticket');
    const { ticket } = issued.body.data;
    const subscription = { endpoint: 'https://push.example.org/send/two-nodes-0123456789', keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' } };
    await call(a, officeApi(`/public/tickets/${ticket.id}/contacts`), { body: { channel: 'push', subscription, consent: true } });

    const now = Date.now();
    await a.db.transaction(async (tx) => {
      for (let i = 0; i < MESSAGES; i += 1) {
        const facts: MessageFacts = { kind: 'ticket-ahead', ticketId: ticket.id, ticketCode: ticket.code, ahead: i + 1 };
        await enqueueForSubject(tx, MAIN_OFFICE, { kind: 'ticket', id: ticket.id }, facts, `ticket-ahead:${i}`, now);
      }
    }, officeLock(MAIN_OFFICE));
    await Promise.all([a.talon.notify.dispatcher.settle(), b.talon.notify.dispatcher.settle()]);

    const sent = [...senderA.texts, ...senderB.texts];
    expect(sent).toHaveLength(MESSAGES);
    expect(new Set(sent).size).toBe(MESSAGES);
    expect(await a.db.read.all("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")).toEqual([{ status: 'sent', n: MESSAGES }]);
  });
});
