// The three "buy till you die" transaction models behind one interface, so fitting, prediction, CLV and
// backtests are written once. Every model predicts E[Y(t) | x, t_x, T] as P(alive) × (expected purchases
// if alive), and the second factor depends on (x, T) only: that is what lets predictions be cached.
import { bgFamilyLogLikelihood, fitBgFamily, BG_PARAM_NAMES, type BgNbdParams } from './bg-family-fit';
import {
  bgFamilyAliveGrowth,
  bgFamilyExpectedPurchasesNew,
  bgFamilyProbabilityAlive,
  bgFamilyProbabilityOfPurchases,
} from './bg-family-predict';
import type { CompressedSummaries } from './compress';
import { ClvInputError } from './errors';
import { fitParetoNbd, paretoLogA0Rows, paretoLogLikelihood, PNBD_PARAM_NAMES, type ParetoNbdParams } from './pareto-nbd-fit';
import {
  paretoAliveFromLogA0,
  paretoAliveGrowth,
  paretoExpectedPurchasesNew,
  paretoProbabilityAlive,
  paretoProbabilityOfPurchases,
} from './pareto-nbd-predict';
import type { FitResult } from './results';

export type TransactionModelName = 'bgnbd' | 'mbgnbd' | 'pnbd';
/** The product's churn model: unlike BG/NBD it lets a one-time buyer be dead (README.md). */
export const DEFAULT_CHURN_MODEL: TransactionModelName = 'mbgnbd';
export const TRANSACTION_MODEL_NAMES: readonly TransactionModelName[] = ['bgnbd', 'mbgnbd', 'pnbd'];
export type TransactionParams = BgNbdParams | ParetoNbdParams;

/** Purchase-rate part shared by all three models: λ ~ gamma(r, α). */
export interface RateParams {
  r: number;
  alpha: number;
}

export interface TransactionModel<P extends TransactionParams = TransactionParams> {
  name: TransactionModelName;
  paramNames: readonly (keyof P & string)[];
  fit(data: CompressedSummaries): FitResult<P>;
  logLikelihood(p: P, data: CompressedSummaries): number;
  /** P(alive at T | x, t_x, T), unitless. */
  probabilityAlive(p: P, x: number, tx: number, T: number): number;
  /** P(alive) for every compressed row. */
  probabilityAliveRows(p: P, data: CompressedSummaries): Float64Array;
  /** Expected repeat purchases in (T, T+t] for a customer known to be alive at T. */
  aliveGrowth(p: P, x: number, T: number, t: number): number;
  /** E[X(t)] for a newly acquired customer. */
  expectedPurchasesNew(p: P, t: number): number;
  /** P(X(t) = n) for a newly acquired customer. */
  probabilityOfPurchases(p: P, t: number, n: number): number;
}

function bgFamily(k: 0 | 1): TransactionModel<BgNbdParams> {
  return {
    name: k === 0 ? 'bgnbd' : 'mbgnbd',
    paramNames: BG_PARAM_NAMES,
    fit: (data) => fitBgFamily(k, data),
    logLikelihood: (p, data) => bgFamilyLogLikelihood(k, p, data),
    probabilityAlive: (p, x, tx, T) => bgFamilyProbabilityAlive(k, p, x, tx, T),
    probabilityAliveRows: (p, data) => Float64Array.from({ length: data.rows }, (_, row) =>
      bgFamilyProbabilityAlive(k, p, data.x[row]!, data.tx[row]!, data.T[row]!)),
    aliveGrowth: (p, x, T, t) => bgFamilyAliveGrowth(k, p, x, T, t),
    expectedPurchasesNew: (p, t) => bgFamilyExpectedPurchasesNew(k, p, t),
    probabilityOfPurchases: (p, t, n) => bgFamilyProbabilityOfPurchases(k, p, t, n),
  };
}

const paretoNbd: TransactionModel<ParetoNbdParams> = {
  name: 'pnbd',
  paramNames: PNBD_PARAM_NAMES,
  fit: fitParetoNbd,
  logLikelihood: paretoLogLikelihood,
  probabilityAlive: paretoProbabilityAlive,
  probabilityAliveRows: (p, data) => {
    const logA0 = paretoLogA0Rows(p, data);
    return Float64Array.from({ length: data.rows }, (_, row) => paretoAliveFromLogA0(p, data.x[row]!, data.T[row]!, logA0[row]!));
  },
  aliveGrowth: paretoAliveGrowth,
  expectedPurchasesNew: paretoExpectedPurchasesNew,
  probabilityOfPurchases: paretoProbabilityOfPurchases,
};

const MODELS = { bgnbd: bgFamily(0), mbgnbd: bgFamily(1), pnbd: paretoNbd };

/** The model object for a name; throws ClvInputError('unknown-model') for anything else. */
export function getTransactionModel(name: string): TransactionModel<TransactionParams> {
  if (name in MODELS) return MODELS[name as TransactionModelName] as unknown as TransactionModel<TransactionParams>;
  throw new ClvInputError('unknown-model', `unknown transaction model "${name}"; expected one of ${TRANSACTION_MODEL_NAMES.join(', ')}`);
}
