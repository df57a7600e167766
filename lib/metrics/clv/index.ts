// Public API of the CLV library. The app and the CLI import from here only.
export { ClvInputError, type ClvErrorCode } from './errors';
export { MODEL_NAMES, parseModelName, type FitFailure, type FitResult, type FitSuccess, type ModelName } from './results';
export {
  collectPurchaseHistories,
  summarizeHistories,
  summarizeTransactions,
  daysPerUnit,
  type CustomerSummary,
  type PurchaseHistory,
  type SummaryOptions,
  type SummaryResult,
  type TimeUnit,
  type Transaction,
} from './summary';
export { formatDay, parseDay, toDay } from './calendar';
export { compressSummaries, type CompressedSummaries, type SummaryColumns } from './compress';
export {
  runModel,
  type CustomerAggregate,
  type CustomerColumns,
  type CustomerPredictions,
  type RunModelInput,
  type RunModelResult,
} from './run-model';
export { runBacktest, type BacktestInput, type BacktestResult, type CumulativePoint } from './backtest';
export {
  DEFAULT_CHURN_MODEL,
  getTransactionModel,
  TRANSACTION_MODEL_NAMES,
  type TransactionModel,
  type TransactionModelName,
  type TransactionParams,
} from './transaction-models';
export { BG_PARAM_NAMES, type BgNbdParams } from './bg-family-fit';
export { PNBD_PARAM_NAMES, type ParetoNbdParams } from './pareto-nbd-fit';
export {
  compressSpend,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gammaGammaPopulationMean,
  GG_PARAM_NAMES,
  type GammaGammaParams,
} from './gamma-gamma';
export {
  bgBbExpectedPurchases,
  bgBbProbabilityAlive,
  fitBgBb,
  BGBB_PARAM_NAMES,
  type BgBbParams,
  type BgBbPattern,
} from './bg-bb';
export { fitSbg, sbgDerl, sbgRetentionRate, sbgSurvival, sbgSurvivalCurve, SBG_PARAM_NAMES, type SbgParams } from './sbg';
export {
  CALENDAR_MONTH_DAYS,
  LIFETIMES_MONTH_WEEKS,
  discountedClv,
  isOverdue,
  medianTimeToNextPurchase,
  monthLength,
  type ClvOptions,
  type MonthConvention,
} from './clv';
export { simulateBgNbd, createRng, sampleGamma } from './simulate';
