// Maximum likelihood on log-parameters: Nelder–Mead to get near the optimum from a fixed start, a BFGS
// polish, then a Newton check on the finite-difference Hessian, which also gives the standard errors.
import { invertPositiveDefinite, solvePositiveDefinite } from './linear-algebra';
import { nelderMead } from './nelder-mead';
import { hessianFromGradient, minimizeBfgs, numericGradient, numericHessian, type Gradient, type Objective } from './quasi-newton';

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
  // The simplex only has to reach the optimum's basin; BFGS converges superlinearly from there, so a
  // loose simplex tolerance saves most of the evaluations without changing the answer.
  // With an analytic gradient BFGS is cheap per step, so the simplex can hand over even earlier.
  const simplex = nelderMead(counted, x0, options.gradient ? { fTol: 1e-4, xTol: 0.1 } : { fTol: 1e-6, xTol: 3e-2 });
  const polish = minimizeBfgs(counted, simplex.x, { gradient: options.gradient });
  let x = polish.f <= simplex.f ? polish.x : simplex.x;
  let fx = Math.min(polish.f, simplex.f);
  let covariance: number[][] | null = null;
  let newtonStep = Infinity;
  for (let round = 0; round < 3; round++) {
    const hessian = options.gradient ? hessianFromGradient(options.gradient, x) : numericHessian(counted, x);
    const g = options.gradient ? options.gradient(x) : numericGradient(counted, x);
    const step = solvePositiveDefinite(hessian, g);
    covariance = invertPositiveDefinite(hessian);
    if (!step || !covariance) break;
    newtonStep = Math.max(...step.map(Math.abs));
    const candidate = x.map((v, i) => v - step[i]!);
    const fc = counted(candidate);
    const improved = fc < fx;
    if (improved) {
      x = candidate;
      fx = fc;
    }
    // A final step this small moves no parameter by more than 0.01 %, so the Hessian (and the
    // standard errors) from just before it stay valid; bigger steps get a fresh Hessian.
    if (!improved || newtonStep < 1e-4) break;
  }
  const inRange = x.every((v) => Math.abs(v) < LOG_LIMIT);
  const converged = Number.isFinite(fx) && covariance !== null && newtonStep < 1e-4 && inRange;
  return { x, f: fx, covariance, converged, evaluations };
}

export { nelderMead } from './nelder-mead';
export { hessianFromGradient, minimizeBfgs, numericGradient, numericHessian } from './quasi-newton';
