// One conversation with the printer at a time. The print queue already keeps its own jobs apart;
// this also keeps the agent's periodic status questions out of the middle of a job, where the
// printer's one-byte answers could be taken for the job's.
import type { PrinterTransport } from './transports/transport';

export function exclusiveTransport(inner: PrinterTransport): PrinterTransport {
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = tail.then(work, work);
    tail = turn.catch(() => undefined);
    return turn;
  };
  return {
    write: (bytes) => inTurn(() => inner.write(bytes)),
    status: () => inTurn(() => inner.status()),
    close: () => inTurn(() => inner.close()),
  };
}
