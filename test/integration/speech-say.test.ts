import { writeFile } from 'node:fs/promises';
import say from 'say';
import { describe, expect, it } from 'vitest';
import { SayEngine, type SayBackend } from '../../server/speech/say-engine';
import { encodeWav, parseWav } from '../../server/speech/wav';

/** Stands in for the `say` package: records what it was asked and answers like it would. */
class RecordingSay implements SayBackend {
  spoken: { text: string; voice?: string }[] = [];
  constructor(private readonly exportWav?: Buffer) {}
  speak(text: string, voice?: string, _speed?: number, callback?: (err: string) => void): void {
    this.spoken.push({ text, voice });
    setImmediate(() => callback?.(''));
  }
  export(text: string, voice?: string, _speed?: number, filePath?: string, callback?: (err: string) => void): void {
    this.spoken.push({ text, voice });
    void writeFile(filePath!, this.exportWav!).then(() => callback?.(''));
  }
}

/** What `say` on Linux pipes into `festival --pipe`, built by the package's own code. */
function festivalInput(text: string, voice: string): string {
  // The package exports its platform classes as `Say`, which its type declarations leave out.
  const { Say } = say as unknown as {
    Say: new (platform: string) => { buildSpeakCommand(options: { text: string; voice: string }): { pipedData: string } };
  };
  const linux = new Say('linux');
  return linux.buildSpeakCommand({ text, voice }).pipedData;
}

describe('SayEngine', () => {
  it('speaks with the Russian Festival voice on Linux', async () => {
    const backend = new RecordingSay();
    await new SayEngine({ say: backend, platform: 'linux' }).speak('Талон номер а один', 'ru');
    expect(backend.spoken).toEqual([{ text: 'Талон номер а один', voice: 'voice_msu_ru_nsh_clunits' }]);
  });

  it('keeps a hostile announcement inside the Festival string', async () => {
    const backend = new RecordingSay();
    const attack = 'А1") (system "rm -rf ~") (SayText "\\';
    await new SayEngine({ say: backend, platform: 'linux' }).speak(attack, 'ru');

    const text = backend.spoken[0]!.text;
    expect(text).not.toMatch(/["\\()]/);
    const scheme = festivalInput(text, 'voice_msu_ru_nsh_clunits');
    expect(scheme).toBe(`(voice_msu_ru_nsh_clunits) (SayText "${text}")`);
    expect(scheme.match(/"/g)).toHaveLength(2);
  });

  it('says which language has no voice instead of speaking in the wrong one', async () => {
    const engine = new SayEngine({ say: new RecordingSay(), platform: 'linux' });
    expect(() => engine.speak("п'ять", 'uk')).toThrow(/No say voice for "uk" on linux/);
  });

  it('refuses a voice name that could break out of Scheme or PowerShell', () => {
    expect(() => new SayEngine({ say: new RecordingSay(), voices: { ru: "x') (system \"id\")" } })).toThrow(/Unsafe voice/);
  });

  it('cannot produce files on Linux and says what to use instead', async () => {
    const engine = new SayEngine({ say: new RecordingSay(), platform: 'linux' });
    await expect(engine.synthesize('Талон', 'ru')).rejects.toThrow(/EspeakEngine/);
  });

  it('turns the 32-bit float WAV macOS writes into 16-bit PCM', async () => {
    const samples = Buffer.alloc(4 * 4);
    [0, 0.5, -0.5, 1].forEach((value, i) => samples.writeFloatLE(value, i * 4));
    const macWav = encodeWav({ sampleRate: 32000, channels: 1, bitsPerSample: 32, float: true, data: samples });
    const backend = new RecordingSay(macWav);
    const wav = parseWav(await new SayEngine({ say: backend, platform: 'darwin' }).synthesize('Ticket "A1"', 'en'));

    expect(backend.spoken).toEqual([{ text: 'Ticket A1', voice: 'Samantha' }]);
    expect(wav).toMatchObject({ sampleRate: 32000, channels: 1, bitsPerSample: 16, float: false });
    expect([0, 1, 2, 3].map((i) => wav.data.readInt16LE(i * 2))).toEqual([0, 16384, -16384, 32767]);
  });

  it('passes the failure of say on', async () => {
    const failing: SayBackend = {
      speak: (_text, _voice, _speed, callback) => setImmediate(() => callback?.('aplay: no soundcards found')),
      export: () => undefined,
    };
    await expect(new SayEngine({ say: failing, platform: 'linux' }).speak('Талон', 'ru')).rejects.toThrow(/no soundcards/);
  });
});
