// The voice an office announces with: its own recorded pack if it has one, otherwise the OS
// speech through `say` (macOS, Windows) or espeak-ng (Linux, where `say` cannot write files) —
// always after the chime.
import { join } from 'node:path';
import type { AnnouncementSettings } from '../../common/protocol';
import { withChime } from './chime';
import { EspeakEngine } from './espeak-engine';
import { SayEngine } from './say-engine';
import type { SpeechEngine } from './speech-engine';
import { VoicePackEngine } from './voice-pack-engine';

export class OfficeVoice {
  private engines = new Map<string, SpeechEngine>();
  private os: SpeechEngine | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  engineFor(settings: AnnouncementSettings): SpeechEngine {
    const key = settings.voicePack ?? `os:${this.platform}`;
    let engine = this.engines.get(key);
    if (!engine) {
      engine = withChime(settings.voicePack ? new VoicePackEngine(join(this.dataDir, 'voice-packs', settings.voicePack)) : this.osVoice());
      this.engines.set(key, engine);
    }
    return engine;
  }

  /** The OS voice alone, no chime: it reads a kiosk's screen, which no recorded pack can say. */
  osVoice(): SpeechEngine {
    this.os ??= this.platform === 'linux' ? new EspeakEngine() : new SayEngine({ platform: this.platform });
    return this.os;
  }
}
