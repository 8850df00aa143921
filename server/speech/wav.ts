// Just enough RIFF/WAVE to join announcement audio: read PCM or float WAVs, write 16-bit PCM ones,
// convert between rates and channel counts. No dependency: the files are small and the format simple.

/** Interleaved little-endian samples and what they mean. */
export interface Audio {
  sampleRate: number;
  channels: number;
  /** 8 (unsigned), 16, 24 or 32 (signed integers), or 32 with `float`. */
  bitsPerSample: number;
  /** IEEE float samples (macOS `say` writes these). */
  float: boolean;
  data: Buffer;
}

export interface AudioFormat {
  sampleRate: number;
  channels: number;
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
const HEADER_BYTES = 44;

function bytesPerFrame(audio: Pick<Audio, 'channels' | 'bitsPerSample'>): number {
  return audio.channels * (audio.bitsPerSample / 8);
}

function describe(audio: Audio): string {
  return `${audio.sampleRate} Hz, ${audio.channels} channel(s), ${audio.bitsPerSample}-bit ${audio.float ? 'float' : 'PCM'}`;
}

interface FormatChunk {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  float: boolean;
}

function readFormatChunk(buffer: Buffer, start: number): FormatChunk {
  const tag = buffer.readUInt16LE(start);
  // WAVE_FORMAT_EXTENSIBLE keeps the real format code in the first two bytes of its SubFormat GUID.
  const code = tag === FORMAT_EXTENSIBLE ? buffer.readUInt16LE(start + 24) : tag;
  const channels = buffer.readUInt16LE(start + 2);
  const sampleRate = buffer.readUInt32LE(start + 4);
  const bitsPerSample = buffer.readUInt16LE(start + 14);
  const float = code === FORMAT_FLOAT;
  const supported = float ? bitsPerSample === 32 : code === FORMAT_PCM && [8, 16, 24, 32].includes(bitsPerSample);
  if (!supported || channels === 0 || sampleRate === 0) {
    throw new Error(`Unsupported WAV format: code ${code}, ${bitsPerSample} bits, ${channels} channel(s), ${sampleRate} Hz`);
  }
  return { sampleRate, channels, bitsPerSample, float };
}

/**
 * Reads a WAV file. A data chunk that claims more bytes than the file holds is cut to what is there:
 * `espeak-ng --stdout` cannot seek back, so it writes 0x7ffff000 as the length.
 */
export function parseWav(buffer: Buffer): Audio {
  if (buffer.length < 12 || buffer.toString('ascii', 0, 4) !== 'RIFF' || buffer.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('Not a WAV file: no RIFF/WAVE header');
  }
  let format: FormatChunk | undefined;
  for (let offset = 12; offset + 8 <= buffer.length; ) {
    const id = buffer.toString('ascii', offset, offset + 4);
    const size = buffer.readUInt32LE(offset + 4);
    const start = offset + 8;
    if (id === 'fmt ') format = readFormatChunk(buffer, start);
    if (id === 'data') {
      if (!format) throw new Error('Not a WAV file: data chunk before fmt chunk');
      const end = Math.min(start + size, buffer.length);
      const frameBytes = bytesPerFrame(format);
      const whole = end - ((end - start) % frameBytes);
      return { ...format, data: buffer.subarray(start, whole) };
    }
    offset = start + size + (size % 2); // chunks are padded to an even length
  }
  throw new Error('Not a WAV file: no data chunk');
}

export function encodeWav(audio: Audio): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  const blockAlign = bytesPerFrame(audio);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(HEADER_BYTES - 8 + audio.data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(audio.float ? FORMAT_FLOAT : FORMAT_PCM, 20);
  header.writeUInt16LE(audio.channels, 22);
  header.writeUInt32LE(audio.sampleRate, 24);
  header.writeUInt32LE(audio.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(audio.bitsPerSample, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(audio.data.length, 40);
  return Buffer.concat([header, audio.data]);
}

export function durationSeconds(audio: Audio): number {
  return audio.data.length / bytesPerFrame(audio) / audio.sampleRate;
}

/** `seconds` of silence in the given format (8-bit PCM is unsigned, so its silence is 0x80). */
export function silence(like: Audio, seconds: number): Audio {
  const frames = Math.round(seconds * like.sampleRate);
  const data = Buffer.alloc(frames * bytesPerFrame(like), like.bitsPerSample === 8 ? 0x80 : 0);
  return { ...like, data };
}

/** Joins audio of one format end to end; different formats are an error, never a silent mix-up. */
export function concatAudio(parts: readonly Audio[]): Audio {
  const [first] = parts;
  if (!first) throw new Error('Nothing to join');
  for (const part of parts) {
    if (describe(part) !== describe(first)) {
      throw new Error(`Cannot join WAVs of different formats: ${describe(first)} and ${describe(part)}`);
    }
  }
  return { ...first, data: Buffer.concat(parts.map((part) => part.data)) };
}

function readSample(audio: Audio, offset: number): number {
  if (audio.float) return audio.data.readFloatLE(offset);
  switch (audio.bitsPerSample) {
    case 8:
      return (audio.data.readUInt8(offset) - 128) / 128;
    case 16:
      return audio.data.readInt16LE(offset) / 32768;
    case 24:
      return audio.data.readIntLE(offset, 3) / 8388608;
    default:
      return audio.data.readInt32LE(offset) / 2147483648;
  }
}

/** Samples as numbers in [-1, 1], one array per channel. */
function channelSamples(audio: Audio): Float64Array[] {
  const sampleBytes = audio.bitsPerSample / 8;
  const frames = audio.data.length / bytesPerFrame(audio);
  const channels = Array.from({ length: audio.channels }, () => new Float64Array(frames));
  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < audio.channels; channel++) {
      const offset = (frame * audio.channels + channel) * sampleBytes;
      channels[channel]![frame] = readSample(audio, offset);
    }
  }
  return channels;
}

function remapChannels(input: Float64Array[], count: number): Float64Array[] {
  if (input.length === count) return input;
  if (count === 1) {
    const mono = new Float64Array(input[0]!.length);
    for (const channel of input) channel.forEach((value, i) => (mono[i]! += value / input.length));
    return [mono];
  }
  return Array.from({ length: count }, (_, i) => input[i % input.length]!);
}

/** Linear interpolation: plenty for speech and a chime, which carry little above a few kHz. */
function resample(samples: Float64Array, from: number, to: number): Float64Array {
  if (from === to) return samples;
  const output = new Float64Array(Math.round((samples.length * to) / from));
  for (let i = 0; i < output.length; i++) {
    const position = (i * from) / to;
    const before = Math.floor(position);
    const a = samples[before] ?? 0;
    const b = samples[before + 1] ?? a;
    output[i] = a + (b - a) * (position - before);
  }
  return output;
}

/** Builds 16-bit PCM from samples in [-1, 1], one array per channel. */
export function pcm16FromSamples(channels: readonly Float64Array[], sampleRate: number): Audio {
  const frames = channels[0]?.length ?? 0;
  const data = Buffer.alloc(frames * channels.length * 2);
  for (let frame = 0; frame < frames; frame++) {
    channels.forEach((channel, c) => {
      // The same scale readSample divides by, so 16-bit audio survives a conversion unchanged.
      const value = Math.max(-32768, Math.min(32767, Math.round(channel[frame]! * 32768)));
      data.writeInt16LE(value, (frame * channels.length + c) * 2);
    });
  }
  return { sampleRate, channels: channels.length, bitsPerSample: 16, float: false, data };
}

/** Converts any readable audio to 16-bit PCM at the given rate and channel count. */
export function toPcm16(audio: Audio, target: AudioFormat): Audio {
  const alreadyThere =
    !audio.float && audio.bitsPerSample === 16 && audio.sampleRate === target.sampleRate && audio.channels === target.channels;
  if (alreadyThere) return audio;
  const channels = remapChannels(channelSamples(audio), target.channels).map((samples) =>
    resample(samples, audio.sampleRate, target.sampleRate),
  );
  return pcm16FromSamples(channels, target.sampleRate);
}
