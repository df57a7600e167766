import type { PredictionRows } from '@/lib/predictions/predict-customers';
import { withBulkTransaction } from '../bulk';
import { lockWorkspaceImports } from './imports';
import type { ModelRunOutcome } from './model-runs';

const COPY_BATCH = 5_000;

/** CSV lines for COPY into customer_predictions, a few thousand rows per chunk. */
async function* predictionCsv(workspaceId: string, runId: string, rows: PredictionRows): AsyncGenerator<string> {
  let lines: string[] = [];
  for (let i = 0; i < rows.customerIds.length; i++) {
    // An empty unquoted CSV field is NULL: no spend model, no spend or CLV.
    const spend = rows.expectedSpendMinor ? String(rows.expectedSpendMinor[i]) : '';
    const clv = rows.clvMinor ? String(rows.clvMinor[i]) : '';
    lines.push(`${workspaceId},${rows.customerIds[i]},${runId},${rows.expectedPurchases[i]},${rows.probabilityAlive[i]},${spend},${clv},${rows.overdue[i] ? 't' : 'f'}`);
    if (lines.length === COPY_BATCH) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length) yield `${lines.join('\n')}\n`;
}

/**
 * Marks a running run completed and, in the same transaction, replaces the workspace's predictions
 * with its rows (COPY, not ORM inserts), so readers see the old run's predictions or the new run's,
 * never a mix. When a run queued later has already completed, this older one keeps its record but
 * leaves the newer predictions alone. Returns whether its predictions were written, and the message stored.
 */
export async function completeModelRun(
  workspaceId: string,
  runId: string,
  outcome: ModelRunOutcome & { calibrationEnd: string },
  rows: PredictionRows,
): Promise<{ replaced: boolean; message: string | null }> {
  return withBulkTransaction(async (tx) => {
    // After any import merge or deletion of the workspace (they hold this lock to their commit), and
    // in their lock order: the workspace's lock, then its row. Taken the other way round, a
    // deletion removing customers and this run replacing their predictions each waited for the other.
    await lockWorkspaceImports(tx, workspaceId);
    // One writer per workspace at a time; NO KEY UPDATE does not block imports' foreign-key checks.
    await tx.query(`SELECT 1 FROM workspaces WHERE id = $1 FOR NO KEY UPDATE`, [workspaceId]);
    const [newer] = await tx.query<{ superseded: boolean }>(
      `SELECT EXISTS (
         SELECT 1 FROM model_runs later JOIN model_runs mine ON mine.workspace_id = later.workspace_id AND mine.id = $2
         WHERE later.workspace_id = $1 AND later.status = 'completed' AND later.created_at > mine.created_at) AS superseded`,
      [workspaceId, runId],
    );
    const replaced = !newer!.superseded;
    if (replaced) {
      await tx.query(`DELETE FROM customer_predictions WHERE workspace_id = $1`, [workspaceId]);
      // An import deleted while the models were fitting may have taken some of these customers with
      // it: the predictions go through a temporary table, and only those of customers still there stay.
      await tx.query(`CREATE TEMP TABLE run_predictions (LIKE customer_predictions) ON COMMIT DROP`);
      await tx.copyCsv(
        `run_predictions (workspace_id, customer_id, model_run_id, expected_purchases_12m, probability_alive,
           expected_spend_minor, predicted_clv_12m_minor, overdue)`,
        predictionCsv(workspaceId, runId, rows),
      );
      await tx.query(
        `INSERT INTO customer_predictions SELECT p.* FROM run_predictions p
         WHERE EXISTS (SELECT 1 FROM customers c WHERE c.workspace_id = $1 AND c.id = p.customer_id)`,
        [workspaceId],
      );
    }
    const message = replaced ? outcome.message : 'a run queued later finished first, so its predictions are the ones kept';
    await tx.query(
      `UPDATE model_runs SET status = 'completed', finished_at = now(), calibration_end = $3::date, params = $4::text::jsonb,
         spend_params = $5::text::jsonb, log_likelihood = $6, converged = $7, fit_seconds = $8, customers_fitted = $9,
         backtest = $10::text::jsonb, message = $11
       WHERE workspace_id = $1 AND id = $2`,
      [
        workspaceId, runId, outcome.calibrationEnd, json(outcome.params), json(outcome.spendParams), outcome.logLikelihood ?? null,
        outcome.converged ?? null, outcome.fitSeconds ?? null, outcome.customersFitted ?? null, json(outcome.backtest), message,
      ],
    );
    return { replaced, message };
  });
}

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
