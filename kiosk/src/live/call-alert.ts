// While the live ticket page is open, a call must reach a visitor who is not looking at it: a chime
// (WebAudio, no file to fetch), a vibration, and the tab's title flashing the call until the page is
// looked at. Browsers let a page make sound only after a tap on it, so the first tap anywhere
// unlocks the audio ahead of time.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const FLASH_EVERY_MS = 1000;
const FLASH_WHILE_SEEN_MS = 10_000;
/** Two rising tones, as a doorbell: Hz, start and length in seconds. */
const CHIME = [
  { hz: 660, at: 0, for: 0.35 },
  { hz: 880, at: 0.4, for: 0.6 },
];
const VIBRATION = [400, 150, 400, 150, 800];

export class CallAlert implements ReactiveController {
  private audio: AudioContext | undefined;
  private flashTimer: ReturnType<typeof setInterval> | undefined;
  private flashOn = false;
  /** The flashing call text; undefined while not flashing. */
  private flashing: string | undefined;
  private readonly unlock = () => {
    this.audio ??= new AudioContext();
    void this.audio.resume();
  };
  private readonly seen = () => document.visibilityState === 'visible' && document.hasFocus() && this.stopFlashing();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.unlock, { once: true, capture: true });
    document.addEventListener('visibilitychange', this.seen);
    window.addEventListener('focus', this.seen);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.unlock, { capture: true });
    document.removeEventListener('visibilitychange', this.seen);
    window.removeEventListener('focus', this.seen);
    this.stopFlashing();
    void this.audio?.close();
    this.audio = undefined;
  }

  /** The title the page shows now: the call text every other second while flashing. */
  title(normal: string): string {
    return this.flashing !== undefined && this.flashOn ? this.flashing : normal;
  }

  /** The ticket was just called: ring, buzz and flash `text` in the title. */
  called(text: string): void {
    this.chime();
    navigator.vibrate?.(VIBRATION);
    this.flashing = text;
    this.flashOn = true;
    clearInterval(this.flashTimer);
    this.flashTimer = setInterval(() => {
      this.flashOn = !this.flashOn;
      this.host.requestUpdate();
    }, FLASH_EVERY_MS);
    this.host.requestUpdate();
    // Looked at already: no focus change will come to end the flashing, so it ends by itself.
    if (document.visibilityState === 'visible' && document.hasFocus()) setTimeout(() => this.stopFlashing(), FLASH_WHILE_SEEN_MS);
  }

  private stopFlashing(): void {
    if (this.flashing === undefined) return;
    clearInterval(this.flashTimer);
    this.flashing = undefined;
    this.host.requestUpdate();
  }

  private chime(): void {
    this.audio ??= new AudioContext();
    const audio = this.audio;
    // Without a tap on the page yet the browser keeps it suspended: tones queued now would sound at
    // the visitor's next tap, long after the call, so the chime is left out.
    if (audio.state !== 'running') return;
    const start = audio.currentTime;
    for (const tone of CHIME) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = tone.hz;
      gain.gain.setValueAtTime(0.0001, start + tone.at);
      gain.gain.exponentialRampToValueAtTime(0.4, start + tone.at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + tone.at + tone.for);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + tone.at);
      oscillator.stop(start + tone.at + tone.for);
    }
  }
}
