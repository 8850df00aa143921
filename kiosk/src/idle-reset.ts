// A kiosk is shared: when nobody has touched it for a while, the next visitor should find the start
// screen in the office's language, not what the last one left behind.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const IDLE_RESET_MS = 30_000;

export class IdleReset implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly touched = () => this.restart();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onIdle: () => void,
    private readonly idleMs = IDLE_RESET_MS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointerdown', this.touched);
    this.host.addEventListener('keydown', this.touched);
    this.restart();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.touched);
    this.host.removeEventListener('keydown', this.touched);
    clearTimeout(this.timer);
  }

  private restart(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.onIdle();
      this.restart();
    }, this.idleMs);
  }
}
