// A kiosk whose ticket has not printed in time gives up on it: the server drops the print job unless
// the printer is printing it right now, so a ticket the screen calls failed never prints later.
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../common/protocol';

const GIVE_UP_TIMEOUT_MS = 5_000;

/** True once the server says no job will print the ticket; false offline, on no answer, or while it prints. */
export async function dropPrintJob(socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined, ticketId: string): Promise<boolean> {
  // Offline, nothing is decided: the server expires the job after the office's few minutes.
  if (!socket?.connected) return false;
  try {
    const answer = await socket.timeout(GIVE_UP_TIMEOUT_MS).emitWithAck('print:give-up', { ticketId });
    return answer.ok && answer.data.expired;
  } catch {
    // No answer: the screen keeps saying "printing"; the server's own expiry still applies.
    return false;
  }
}
