import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, doublePrecision, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { BacktestOutcome, ModelParams } from '@/lib/predictions/types';
import { createdAt } from './columns';
import { customers } from './orders';
import { workspaces } from './workspaces';

// Predictions. A model run is a row from the moment it is queued, so the pages can say what is
// happening; customer_predictions holds only the predictions of the latest completed run.

/** True for NULL and finite numbers, false for NaN and ±Infinity (Postgres treats NaN = NaN as true). */
const isFinite = (column: AnyPgColumn) =>
  sql`(${column} IS NULL OR ${column} NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8))`;

export const modelRunStatusEnum = pgEnum('model_run_status', ['queued', 'running', 'completed', 'failed']);
export const churnModelEnum = pgEnum('churn_model', ['bgnbd', 'mbgnbd', 'pnbd']);
export const timeUnitEnum = pgEnum('time_unit', ['days', 'weeks']);

export const modelRuns = pgTable(
  'model_runs',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    status: modelRunStatusEnum('status').notNull().default('queued'),
    model: churnModelEnum('model').notNull(),
    /** Unit of t_x, T and of the time parameters (alpha, beta) in `params`. */
    unit: timeUnitEnum('unit').notNull(),
    /** Last calibration day in the workspace time zone: set when queued to override, else the last order day. */
    calibrationEnd: date('calibration_end', { mode: 'string' }),
    params: jsonb('params').$type<ModelParams>(),
    /** Gamma-Gamma p, q, gamma (gamma in minor units of the workspace currency). */
    spendParams: jsonb('spend_params').$type<ModelParams>(),
    logLikelihood: doublePrecision('log_likelihood'),
    converged: boolean('converged'),
    fitSeconds: doublePrecision('fit_seconds'),
    customersFitted: integer('customers_fitted'),
    backtest: jsonb('backtest').$type<BacktestOutcome>(),
    /** Why the run failed, or what it could not compute (a spend model), in words for the user. */
    message: text('message'),
    grossMargin: doublePrecision('gross_margin'),
    monthlyDiscountRate: doublePrecision('monthly_discount_rate'),
    /**
     * The import whose completion queued the run. No foreign key: the run's record outlives the
     * import, and a composite key cannot be set null without also nulling workspace_id.
     */
    triggeredByImportId: uuid('triggered_by_import_id'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('model_runs_workspace_created_idx').on(t.workspaceId, t.createdAt),
    check('model_runs_finite_check', sql`${isFinite(t.logLikelihood)} AND ${isFinite(t.fitSeconds)}`),
  ],
);

export const customerPredictions = pgTable(
  'customer_predictions',
  {
    workspaceId: uuid('workspace_id').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    modelRunId: uuid('model_run_id').notNull(),
    /** Expected repeat purchases in the 12 months after the calibration end. */
    expectedPurchases12m: doublePrecision('expected_purchases_12m').notNull(),
    probabilityAlive: doublePrecision('probability_alive').notNull(),
    /** Gamma-Gamma expected net value per purchase, minor units; null without a spend model. */
    expectedSpendMinor: bigint('expected_spend_minor', { mode: 'number' }),
    /** Discounted gross-margin CLV over 12 months, minor units; null without a spend model. */
    predictedClv12mMinor: bigint('predicted_clv_12m_minor', { mode: 'number' }),
    /** Silent for longer than the customer's median gap between purchases. */
    overdue: boolean('overdue').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId] }),
    // NaN sorts above every number in Postgres, so BETWEEN 0 AND 1 also refuses it.
    check('customer_predictions_range_check', sql`${t.probabilityAlive} BETWEEN 0 AND 1
      AND ${t.expectedPurchases12m} >= 0 AND ${isFinite(t.expectedPurchases12m)}`),
    index('customer_predictions_workspace_clv_idx').on(t.workspaceId, t.predictedClv12mMinor),
    foreignKey({
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
      name: 'customer_predictions_customer_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.modelRunId],
      foreignColumns: [modelRuns.workspaceId, modelRuns.id],
      name: 'customer_predictions_model_run_fk',
    }).onDelete('cascade'),
  ],
);
