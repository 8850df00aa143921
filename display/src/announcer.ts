// Says each call aloud, one at a time, in call order: chime + words from the server, `repeat` times,
// first in the language the visitor chose at the kiosk, then in the display's other languages — but
// those only while no other call waits: with three languages a call takes ~15 s, and in a busy hall
// the next visitor must not wait for translations meant for nobody in particular. Calls that come
// quickly wait their turn; none is dropped.
// Browsers refuse sound until someone touches the page: then the queue stops, the screen asks for a
// tap, and after the tap only the calls still fresh are said — a call a minute old would mislead.
import type { Lang } from '../../common/protocol';

export interface Announcement {
  code: string;
  counterNumber: number;
  /** The ticket's language: said first, whatever the display's order. */
  language: Lang;
}

export type PlayResult = 'played' | 'blocked' | 'failed';
export type PlayAudio = (url: string) => Promise<PlayResult>;

export interface AnnouncerOptions {
  play: PlayAudio;
  languages: () => readonly Lang[];
  /** How many times each call is said; read at each call, so a settings change applies at once. */
  repeat: () => number;
  onBlockedChange: (blocked: boolean) => void;
  now?: () => number;
}

/** After sound was blocked this long, a queued call is no longer worth saying. */
export const STALE_AFTER_MS = 60_000;

/** The clip's route within the display's office (the page prefixes `/api/offices/<id>`). */
export function announcementUrl(announcement: Announcement, lang: Lang): string {
  const query = new URLSearchParams({ ticket: announcement.code, counter: String(announcement.counterNumber), lang });
  return `/announcements/audio?${query}`;
}

interface Queued {
  announcement: Announcement;
  queuedAt: number;
}

export class Announcer {
  private readonly queue: Queued[] = [];
  private draining = false;
  private isBlocked = false;
  private readonly now: () => number;

  constructor(private readonly options: AnnouncerOptions) {
    this.now = options.now ?? Date.now;
  }

  get blocked(): boolean {
    return this.isBlocked;
  }

  enqueue(announcement: Announcement): void {
    this.queue.push({ announcement, queuedAt: this.now() });
    void this.drain();
  }

  /** Sound is known to be blocked (e.g. a silent probe failed) before any call came. */
  markBlocked(): void {
    this.setBlocked(true);
  }

  /** Someone tapped the screen: drop what went stale while we were mute, and carry on. */
  unblock(): void {
    if (!this.isBlocked) return;
    const freshFrom = this.now() - STALE_AFTER_MS;
    const fresh = this.queue.filter((q) => q.queuedAt >= freshFrom);
    this.queue.splice(0, this.queue.length, ...fresh);
    this.setBlocked(false);
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.isBlocked && this.queue.length > 0) {
        const head = this.queue[0]!;
        const result = await this.say(head.announcement);
        if (result === 'blocked') {
          // Kept at the head: after the tap it is said whole, from the start.
          this.setBlocked(true);
          break;
        }
        this.queue.shift();
      }
    } finally {
      this.draining = false;
    }
  }

  private async say(announcement: Announcement): Promise<PlayResult> {
    const others = this.options.languages().filter((lang) => lang !== announcement.language);
    for (let round = 0, rounds = this.options.repeat(); round < rounds; round++) {
      for (const lang of [announcement.language, ...others]) {
        // The head of the queue is this call: anything behind it is another call waiting.
        if (lang !== announcement.language && this.queue.length > 1) break;
        // A clip that fails (server down, bad audio) is skipped: the next ones still get said.
        if ((await this.options.play(announcementUrl(announcement, lang))) === 'blocked') return 'blocked';
      }
    }
    return 'played';
  }

  private setBlocked(blocked: boolean): void {
    if (blocked === this.isBlocked) return;
    this.isBlocked = blocked;
    this.options.onBlockedChange(blocked);
  }
}
