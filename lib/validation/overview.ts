import { z } from 'zod';
import { PERIOD_UNITS } from '@/lib/metrics/periods';

/** The overview's searchParams: granularity and the chosen period key (latest when absent). */
export const overviewParamsSchema = z.object({
  by: z.enum(PERIOD_UNITS).catch('all'),
  period: z.string().regex(/^\d{4}(-Q[1-4]|-\d{2})?$/).optional().catch(undefined),
});
