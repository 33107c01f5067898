// Seeded randomness. Every draw in the engine comes from a Random made here, so a run is a pure
// function of (scenario, seed, interventions). Streams are derived by name so that adding a draw in
// one component (say, a retry's jitter) never shifts the numbers another component sees — the
// sync and pub/sub variants of a scenario therefore get the very same workload.

/** 32-bit FNV-1a: stable across platforms, used for stream names and record keys. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = '') {
    // sfc32 seeded through splitmix-style mixing of (seed, stream).
    const s = fnv1a(stream) ^ (seed >>> 0);
    this.a = mix(s ^ 0x9e3779b9);
    this.b = mix(s ^ 0x243f6a88);
    this.c = mix(s ^ 0xb7e15162);
    this.d = mix((seed * 0x85ebca6b) ^ fnv1a(stream + '#'));
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Standard normal (Box–Muller; one value per call keeps the stream simple). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  chance(probability: number): boolean {
    return probability > 0 && this.next() < probability;
  }
}

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) | 0;
}
