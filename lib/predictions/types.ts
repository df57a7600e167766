// Shapes that a model run stores as JSON, shared by the schema, the run and the pages.

/**
 * Calibration/holdout check of a run's model (stored in model_runs.backtest). Errors are in repeat
 * purchases per customer over the holdout; totals are summed over the cohort acquired by the
 * calibration end. `ok: false` says in words why there is no backtest (too little history, no fit).
 */
export type BacktestOutcome =
  | {
      ok: true;
      calibrationEnd: string;
      holdoutEnd: string;
      customers: number;
      mae: number;
      rmse: number;
      bias: number;
      predictedTotal: number;
      actualTotal: number;
    }
  | { ok: false; reason: string };

/** Fitted parameters by their published names (r, alpha, a, b; p, q, gamma). */
export type ModelParams = Record<string, number>;
