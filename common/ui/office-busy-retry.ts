// An office's engine refuses a command with 'office-busy' when too many are already waiting (#11).
// Such a refusal changed nothing, so asking again is safe; a backlog clears in a batch or two, so a
// few growing pauses usually see it through and spare the person the message.
import type { Result } from '../protocol';

/** The pauses before each new attempt: 3.5 s in all before the refusal is shown after all. */
export const OFFICE_BUSY_PAUSES_MS: readonly number[] = [500, 1_000, 2_000];

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt`, and again after each pause for as long as the office answers 'office-busy'. */
export async function retryWhileOfficeBusy<T>(attempt: () => Promise<Result<T>>): Promise<Result<T>> {
  let result = await attempt();
  for (const ms of OFFICE_BUSY_PAUSES_MS) {
    if (result.ok || result.error.code !== 'office-busy') break;
    await pause(ms);
    result = await attempt();
  }
  return result;
}
