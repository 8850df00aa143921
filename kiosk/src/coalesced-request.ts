// One GET at a time, however many events ask for it: a refresh asked for while a request is running
// is done once more afterwards, so a burst of events costs at most two requests and the last
// answer is always the newest.
import type { Result } from '../../common/protocol';

export interface Refresher {
  refresh(): Promise<void>;
}

export class CoalescedRequest<T> implements Refresher {
  private running = false;
  private again = false;

  constructor(
    private readonly request: () => Promise<Result<T>>,
    private readonly onResult: (result: Result<T>) => void,
  ) {}

  async refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    do {
      this.again = false;
      this.onResult(await this.request());
    } while (this.again);
    this.running = false;
  }
}
