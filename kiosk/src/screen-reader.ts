// Reads a kiosk screen aloud: with the browser's own voice when it has one for the language, else
// with the server's speech (a WAV from POST /api/offices/<id>/kiosk/read-aloud). One reading at a time; a new
// one, or the next visitor, stops the last.
import { spokenScreen, type SpokenNames } from '../../common/i18n/spoken-screen';
import { READ_ALOUD_PATH, type Lang, type SpokenPart } from '../../common/protocol';
import { officeApiPath, type OfficeId } from '../../common/protocol/offices';

export type ReadingState = 'idle' | 'loading' | 'playing';

function browserVoice(lang: Lang): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  return speechSynthesis.getVoices().find((voice) => voice.lang.toLowerCase().startsWith(lang));
}

export class ScreenReader {
  private stopCurrent: () => void = () => undefined;

  constructor(
    private readonly deviceKey: string,
    private readonly officeId: OfficeId,
    private readonly onState: (state: ReadingState) => void,
  ) {}

  /** Resolves false when neither voice could read the screen. */
  async read(parts: SpokenPart[], lang: Lang, names: SpokenNames): Promise<boolean> {
    this.stop();
    const voice = browserVoice(lang);
    return voice ? this.speakInBrowser(spokenScreen(parts, lang, names), voice) : this.playFromServer(parts, lang);
  }

  stop(): void {
    this.stopCurrent();
    this.stopCurrent = () => undefined;
    this.onState('idle');
  }

  /** The language is enough: the browser picks its voice for it. */
  private speakInBrowser(text: string, voice: SpeechSynthesisVoice): Promise<boolean> {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = voice.lang;
    return new Promise((resolve) => {
      utterance.onstart = () => this.onState('playing');
      utterance.onend = () => (this.onState('idle'), resolve(true));
      utterance.onerror = () => (this.onState('idle'), resolve(false));
      this.stopCurrent = () => speechSynthesis.cancel();
      speechSynthesis.speak(utterance);
    });
  }

  private async playFromServer(parts: SpokenPart[], lang: Lang): Promise<boolean> {
    const request = new AbortController();
    this.stopCurrent = () => request.abort();
    this.onState('loading');
    try {
      const response = await fetch(officeApiPath(this.officeId, READ_ALOUD_PATH), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Device ${this.deviceKey}` },
        body: JSON.stringify({ lang, parts }),
        signal: request.signal,
      });
      if (!response.ok) throw new Error(`read-aloud answered ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const audio = new Audio(url);
      this.stopCurrent = () => audio.pause();
      await new Promise<void>((resolve, reject) => {
        audio.onplaying = () => this.onState('playing');
        audio.onended = () => resolve();
        audio.onpause = () => resolve();
        audio.onerror = () => reject(new Error('the clip could not be played'));
        audio.play().catch(reject);
      }).finally(() => URL.revokeObjectURL(url));
      this.onState('idle');
      return true;
    } catch {
      if (!request.signal.aborted) this.onState('idle');
      return false;
    }
  }
}
