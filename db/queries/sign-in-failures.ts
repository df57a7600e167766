import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { signInFailures } from '../schema';

/**
 * Counts and reserves in one step, so parallel guesses cannot all pass the check before any of
 * them is recorded: under a per-key lock, reads each key's failures since `since`; when `isAllowed`
 * says the attempt may go ahead, records it as a failure right away (a reservation) and returns
 * the reservation's ids — a successful sign-in then releases them. Returns null when refused.
 */
export async function reserveSignInAttempt(
  keys: string[],
  since: Date,
  isAllowed: (failures: Map<string, Date[]>) => boolean,
  db?: Db,
): Promise<number[] | null> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    // Sorted, so two attempts that share keys take their locks in the same order.
    for (const key of [...keys].sort()) await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:${key}`}, 0))`);
    const rows = await tx
      .select({ key: signInFailures.key, failedAt: signInFailures.failedAt })
      .from(signInFailures)
      .where(and(inArray(signInFailures.key, keys), gt(signInFailures.failedAt, since)));
    const byKey = new Map<string, Date[]>(keys.map((k) => [k, []]));
    for (const row of rows) byKey.get(row.key)?.push(row.failedAt);
    if (!isAllowed(byKey)) return null;
    const reserved = await tx.insert(signInFailures).values(keys.map((key) => ({ key }))).returning({ id: signInFailures.id });
    await tx.delete(signInFailures).where(and(inArray(signInFailures.key, keys), lt(signInFailures.failedAt, since)));
    return reserved.map((r) => r.id);
  });
}

/** A successful sign-in: releases its reservation and forgets the e-mail's earlier failures. */
export async function releaseSignInAttempt(reservedIds: number[], emailKey: string, db?: Db): Promise<void> {
  const d = db ?? (await getDb());
  await d.delete(signInFailures).where(inArray(signInFailures.id, reservedIds));
  await d.delete(signInFailures).where(eq(signInFailures.key, emailKey));
}
