// Seeded randomness for the history generator: the same seed gives the same history.

export interface Random {
  /** Uniform in [0, 1). */
  random(): number;
  between(low: number, high: number): number;
  chance(p: number): boolean;
  /** Log-normal with the given mean and coefficient of variation: service times have a long tail. */
  logNormal(mean: number, cv: number): number;
  pick<T>(items: readonly T[], weights: readonly number[]): T;
  /** A ticket id like the server's (12 random bytes, base64url), from the seeded stream. */
  newId(): string;
}

/** mulberry32: small, fast and good enough for simulated visitors. */
function rngFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRandom(seed: number): Random {
  const random = rngFrom(seed);
  return {
    random,
    between: (low, high) => low + (high - low) * random(),
    chance: (p) => random() < p,
    logNormal(mean, cv) {
      const sigma = Math.sqrt(Math.log(1 + cv * cv));
      const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return mean * Math.exp(normal * sigma - (sigma * sigma) / 2);
    },
    pick(items, weights) {
      let r = random() * weights.reduce((a, b) => a + b, 0);
      for (let i = 0; i < items.length; i++) if ((r -= weights[i]!) < 0) return items[i]!;
      return items[items.length - 1]!;
    },
    newId: () => Buffer.from(Array.from({ length: 12 }, () => Math.floor(random() * 256))).toString('base64url'),
  };
}
