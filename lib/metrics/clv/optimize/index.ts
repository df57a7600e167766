// Maximum likelihood on log-parameters: Nelder–Mead to get near the optimum from a fixed start, a BFGS
// polish, then a Newton check on the finite-difference Hessian, which also gives the standard errors.
import { invertPositiveDefinite, solvePositiveDefinite } from './linear-algebra';
import { nelderMead } from './nelder-mead';
import { minimizeBfgs, numericGradient, numericHessian, type Gradient, type Objective } from './quasi-newton';

export interface LogScaleFit {
  /** Log-parameters at the optimum. */
  x: number[];
  /** Objective (negative log-likelihood) there. */
  f: number;
  /** Covariance of the log-parameters (inverse Hessian), or null when the Hessian is not positive definite. */
  covariance: number[][] | null;
  converged: boolean;
  evaluations: number;
}

/** Log-parameters beyond ±LOG_LIMIT (factors of e^20 ≈ 5e8) mean a parameter ran to 0 or ∞. */
export const LOG_LIMIT = 20;

export interface MinimizeOptions {
  gradient?: Gradient;
}

/**
 * Minimises a negative log-likelihood over log-parameters from the deterministic start x0.
 * converged = the simplex and BFGS both stopped on tolerance, the Hessian is positive definite, the
 * remaining Newton step is below 1e-4 (relative change in every parameter) and no parameter ran off.
 */
export function minimizeLogScale(f: Objective, x0: number[], options: MinimizeOptions = {}): LogScaleFit {
  let evaluations = 0;
  const counted: Objective = (x) => {
    evaluations++;
    if (x.some((v) => Math.abs(v) > LOG_LIMIT + 5)) return Infinity;
    return f(x);
  };
  const simplex = nelderMead(counted, x0, { fTol: 1e-9, xTol: 1e-4 });
  const polish = minimizeBfgs(counted, simplex.x, { gradient: options.gradient });
  let x = polish.f <= simplex.f ? polish.x : simplex.x;
  let fx = Math.min(polish.f, simplex.f);
  let covariance: number[][] | null = null;
  let newtonStep = Infinity;
  for (let round = 0; round < 3; round++) {
    const hessian = numericHessian(counted, x);
    const g = options.gradient ? options.gradient(x) : numericGradient(counted, x);
    const step = solvePositiveDefinite(hessian, g);
    covariance = invertPositiveDefinite(hessian);
    if (!step || !covariance) break;
    newtonStep = Math.max(...step.map(Math.abs));
    if (newtonStep < 1e-6) break;
    const candidate = x.map((v, i) => v - step[i]!);
    const fc = counted(candidate);
    if (!(fc < fx)) break;
    x = candidate;
    fx = fc;
  }
  const inRange = x.every((v) => Math.abs(v) < LOG_LIMIT);
  const converged = Number.isFinite(fx) && covariance !== null && newtonStep < 1e-4 && inRange;
  return { x, f: fx, covariance, converged, evaluations };
}

export { nelderMead } from './nelder-mead';
export { minimizeBfgs, numericGradient, numericHessian } from './quasi-newton';
