// Typed outcomes of a fit. Bad input throws (errors.ts); valid data that cannot support a fit, or an
// optimiser that does not settle, returns { ok: false } with a sentence a user can read. No field of
// either shape is ever NaN or Infinity: an unknown standard error is null.
import { ClvInputError } from './errors';
import { LOG_LIMIT, type LogScaleFit } from './optimize/index';

export const MODEL_NAMES = ['bgnbd', 'mbgnbd', 'pnbd', 'gg', 'bgbb', 'sbg'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

/** Parameters of every model are positive reals, keyed by their published names. */
export type Params = Record<string, number>;
/** Any interface of numeric parameters (interfaces have no index signature, so Params alone is too strict). */
export type ParamsOf<P> = { [K in keyof P]: number };

export interface FitSuccess<P> {
  ok: true;
  model: ModelName;
  params: P;
  logLikelihood: number;
  /** Asymptotic standard errors from the inverse Hessian (delta method through the log scale). */
  standardErrors: { [K in keyof P]: number | null };
  /** Customers (or cohort members) the fit used. */
  customers: number;
  converged: true;
  evaluations: number;
}

export type FitFailureReason = 'not-enough-data' | 'did-not-converge';

export interface FitFailure<P> {
  ok: false;
  model: ModelName;
  reason: FitFailureReason;
  message: string;
  customers: number;
  converged: false;
  /** Where the optimiser stopped, for diagnosis only; absent when no fit was attempted. */
  lastIterate?: { params: P; logLikelihood: number };
}

export type FitResult<P> = FitSuccess<P> | FitFailure<P>;

/** Returns the model name or throws ClvInputError('unknown-model'). */
export function parseModelName(name: string): ModelName {
  if ((MODEL_NAMES as readonly string[]).includes(name)) return name as ModelName;
  throw new ClvInputError('unknown-model', `unknown model "${name}"; expected one of ${MODEL_NAMES.join(', ')}`);
}

/** A failure before fitting: the data cannot identify the model (message says why, in words). */
export function notEnoughData<P extends ParamsOf<P>>(model: ModelName, customers: number, message: string): FitFailure<P> {
  return { ok: false, model, reason: 'not-enough-data', message, customers, converged: false };
}

function toParams<P extends ParamsOf<P>>(names: readonly (keyof P & string)[], values: number[]): P {
  const out: Params = {};
  names.forEach((name, i) => (out[name] = values[i]!));
  return out as P;
}

/** Turns an optimiser result on log-parameters into a typed fit result. */
export function toFitResult<P extends ParamsOf<P>>(
  model: ModelName,
  names: readonly (keyof P & string)[],
  fit: LogScaleFit,
  customers: number,
): FitResult<P> {
  const values = fit.x.map(Math.exp);
  const params = toParams<P>(names, values);
  const logLikelihood = -fit.f;
  if (!fit.converged || !Number.isFinite(logLikelihood) || values.some((v) => !Number.isFinite(v))) {
    const runaway = names.filter((_, i) => Math.abs(fit.x[i]!) >= LOG_LIMIT);
    const why = runaway.length
      ? `parameter ${runaway.join(', ')} ran off towards ${fit.x[names.indexOf(runaway[0]!)]! > 0 ? 'infinity' : 'zero'}; the data do not pin the model down`
      : 'the optimiser did not settle on a maximum';
    const lastIterate = Number.isFinite(logLikelihood) && values.every(Number.isFinite) ? { params, logLikelihood } : undefined;
    return { ok: false, model, reason: 'did-not-converge', message: `${model} fit did not converge: ${why}`, customers, converged: false, ...(lastIterate ? { lastIterate } : {}) };
  }
  const standardErrors = {} as { [K in keyof P]: number | null };
  names.forEach((name, i) => {
    const variance = fit.covariance?.[i]?.[i];
    const se = variance !== undefined && variance >= 0 ? values[i]! * Math.sqrt(variance) : NaN;
    standardErrors[name] = Number.isFinite(se) ? se : null;
  });
  return { ok: true, model, params, logLikelihood, standardErrors, customers, converged: true, evaluations: fit.evaluations };
}

/** Throws ClvInputError unless every named parameter is a positive finite number. */
export function requireParams<P extends ParamsOf<P>>(model: ModelName, names: readonly (keyof P & string)[], raw: unknown): P {
  if (typeof raw !== 'object' || raw === null) throw new ClvInputError('invalid-params', `${model}: parameters must be an object with ${names.join(', ')}`);
  const values = raw as Record<string, unknown>;
  const out: Params = {};
  for (const name of names) {
    const v = values[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      throw new ClvInputError('invalid-params', `${model}: parameter ${name} must be a positive number (got ${JSON.stringify(v)})`);
    }
    out[name] = v;
  }
  return out as P;
}
