// The live monitor's breach predictions pushed to one office's booth staff: after changes to the queue and
// every RECHECK_MS (a prediction turns as waiting time passes without any event), sent only
// when the picture changed. Operators, managers and admins get them; consultants, devices and the
// public never do.
import type { Role } from '../../common/protocol';
import type { ServiceBreachRisk } from '../../common/protocol/analytics';
import { breachRiskByService } from '../analytics/breach-risk';
import { liveMonitor } from '../analytics/live-monitor';
import type { QueueEngine } from '../engine/queue-engine';
import type { OfficeNamespace } from './socket-server';

const BREACH_ALERT_ROLES: readonly Role[] = ['operator', 'manager', 'admin'];
const ROOM = 'breach-alerts';
const RECHECK_MS = 15_000;
/**
 * How long after a change the picture is looked at again. The live monitor reads the whole queue, so
 * it runs at most this often however busy the hall is (at one second it showed in the p99 of
 * issuing with a very long queue); a prediction about minutes of waiting loses little by a few seconds.
 */
const SETTLE_MS = 5_000;

/** The returned function stops its timers (the office is archived or the server closes). */
export function attachBreachAlerts(ns: OfficeNamespace, engine: QueueEngine): () => void {
  const current = (): ServiceBreachRisk[] => breachRiskByService(liveMonitor(engine.currentState, engine.currentConfig, engine.now()).alerts);
  let last = JSON.stringify(current());
  const push = () => {
    // Nobody to tell: the picture is taken afresh for whoever joins.
    if (!ns.adapter.rooms.get(ROOM)?.size) return;
    const risks = current();
    const json = JSON.stringify(risks);
    if (json === last) return;
    last = json;
    // Every node works the picture out from its own engine and tells its own sockets.
    ns.local.to(ROOM).emit('alerts:breach-risk', risks);
  };

  ns.on('connection', (socket) => {
    const { principal } = socket.data;
    if (principal.kind !== 'user' || !BREACH_ALERT_ROLES.includes(principal.user.role)) return;
    void socket.join(ROOM);
    socket.emit('alerts:breach-risk', current());
  });
  // After the command's answer, not before it, and once for a burst of events.
  let settling: NodeJS.Timeout | undefined;
  const settle = () => {
    settling ??= setTimeout(() => {
      settling = undefined;
      push();
    }, SETTLE_MS).unref();
  };
  // Commands run here, or on another node (this engine then caught up).
  const stopEvents = engine.onEvents(settle);
  const stopCatchUps = engine.onCaughtUp(settle);
  const timer = setInterval(push, RECHECK_MS);
  timer.unref();
  return () => {
    stopEvents();
    stopCatchUps();
    clearInterval(timer);
    clearTimeout(settling);
  };
}
