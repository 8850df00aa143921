// Plays one clip through an <audio> element and says how it went. A rejected play() with
// NotAllowedError is the browser's autoplay policy: the only reliable way to learn sound is blocked.
import type { PlayResult } from './announcer';

/** No announcement is this long; a clip that never ends must not silence the hall for good. */
const LONGEST_CLIP_MS = 30_000;

/** `volume` from 0 (mute) to 1 (full), the display's setting. */
export function playAudio(url: string, volume = 1): Promise<PlayResult> {
  const audio = new Audio(url);
  audio.volume = volume;
  return new Promise((resolve) => {
    const timer = setTimeout(() => settle('failed'), LONGEST_CLIP_MS);
    function settle(result: PlayResult): void {
      clearTimeout(timer);
      audio.onended = audio.onerror = null;
      if (result !== 'played') audio.pause();
      resolve(result);
    }
    audio.onended = () => settle('played');
    audio.onerror = () => settle('failed');
    audio.play().catch((error: unknown) => settle(error instanceof DOMException && error.name === 'NotAllowedError' ? 'blocked' : 'failed'));
  });
}

/** A tenth of a second of silence as a WAV data URL: playing it tells whether sound is allowed. */
function silentWavUrl(): string {
  const sampleRate = 8000;
  const samples = sampleRate / 10;
  const bytes = new DataView(new ArrayBuffer(44 + samples * 2));
  const ascii = (offset: number, text: string) => [...text].forEach((ch, i) => bytes.setUint8(offset + i, ch.charCodeAt(0)));
  ascii(0, 'RIFF');
  bytes.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVEfmt ');
  bytes.setUint32(16, 16, true);
  bytes.setUint16(20, 1, true); // PCM
  bytes.setUint16(22, 1, true); // mono
  bytes.setUint32(24, sampleRate, true);
  bytes.setUint32(28, sampleRate * 2, true);
  bytes.setUint16(32, 2, true);
  bytes.setUint16(34, 16, true);
  ascii(36, 'data');
  bytes.setUint32(40, samples * 2, true);
  const binary = String.fromCharCode(...new Uint8Array(bytes.buffer));
  return `data:audio/wav;base64,${btoa(binary)}`;
}

/** Whether the page may play sound now; call it from a tap handler to unlock sound as well. */
export function canPlaySound(): Promise<boolean> {
  return playAudio(silentWavUrl()).then((result) => result !== 'blocked');
}
