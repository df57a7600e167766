import type { TransactionModelName } from '@/lib/metrics/clv';

/** The models' published names, as the pages show them. */
export const MODEL_LABELS: Record<TransactionModelName, string> = {
  bgnbd: 'BG/NBD',
  mbgnbd: 'MBG/NBD',
  pnbd: 'Pareto/NBD',
};
