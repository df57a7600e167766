// Seeded simulation of BG/NBD customers, for tests that recover known parameters and for the benchmark.
// Deterministic: the same seed gives the same customers on every machine.

/** Uniform (0, 1) generator: xorshift32 (Marsaglia 2003, "Xorshift RNGs", J. Stat. Software 8(14)). */
export function createRng(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return (state + 0.5) / 4294967296;
  };
}

function sampleNormal(rng: () => number): number {
  // Box–Muller; one of the pair is enough here.
  return Math.sqrt(-2 * Math.log(rng())) * Math.cos(2 * Math.PI * rng());
}

/** Gamma(shape, scale) variate by Marsaglia & Tsang (2000, ACM TOMS 26(3)); shape < 1 via the U^(1/shape) boost. */
export function sampleGamma(rng: () => number, shape: number, scale: number): number {
  if (shape < 1) return sampleGamma(rng, shape + 1, scale) * Math.pow(rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = sampleNormal(rng);
    const v = Math.pow(1 + c * z, 3);
    if (v <= 0) continue;
    const u = rng();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

/** Beta(a, b) variate as G_a / (G_a + G_b). */
export function sampleBeta(rng: () => number, a: number, b: number): number {
  const x = sampleGamma(rng, a, 1);
  return x / (x + sampleGamma(rng, b, 1));
}

export interface BgNbdSimulation {
  customers: number;
  params: { r: number; alpha: number; a: number; b: number };
  /** Acquisition days are spread uniformly over [0, acquisitionDays). */
  acquisitionDays: number;
  /** Calibration end, in days after the first acquisition day. */
  calibrationDays: number;
  /** Days per time unit of the parameters (7 for weeks). */
  daysPerUnit: number;
  seed: number;
  /** Round purchase times up to whole days, as real order data are (default true). */
  dayResolution?: boolean;
}

/**
 * Draws customers from BG/NBD (Fader, Hardie & Lee 2005, §2): λ ~ gamma(r, 1/α), p ~ beta(a, b);
 * purchases arrive at rate λ and after each repeat purchase the customer dies with probability p.
 * Returns x, t_x and T in the parameters' time unit.
 */
export function simulateBgNbd(options: BgNbdSimulation): { frequency: Float64Array; recency: Float64Array; T: Float64Array } {
  const rng = createRng(options.seed);
  const { r, alpha, a, b } = options.params;
  const n = options.customers;
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const unit = options.daysPerUnit;
  const round = options.dayResolution ?? true;
  for (let i = 0; i < n; i++) {
    const acquired = Math.floor(rng() * options.acquisitionDays);
    const horizon = (options.calibrationDays - acquired) / unit;
    const lambda = sampleGamma(rng, r, 1 / alpha);
    const p = sampleBeta(rng, a, b);
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(rng()) / lambda;
      if (t > horizon) break;
      x++;
      last = t;
      if (rng() < p) break;
    }
    frequency[i] = x;
    recency[i] = round ? Math.min(Math.ceil(last * unit) / unit, horizon) : last;
    T[i] = horizon;
  }
  return { frequency, recency, T };
}
