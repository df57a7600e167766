import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { signInFailures } from '../schema';

/** Failure times per key since `since`. */
export async function listSignInFailures(keys: string[], since: Date, db?: Db): Promise<Map<string, Date[]>> {
  const d = db ?? (await getDb());
  const rows = await d
    .select({ key: signInFailures.key, failedAt: signInFailures.failedAt })
    .from(signInFailures)
    .where(and(inArray(signInFailures.key, keys), gt(signInFailures.failedAt, since)));
  const byKey = new Map<string, Date[]>(keys.map((k) => [k, []]));
  for (const row of rows) byKey.get(row.key)?.push(row.failedAt);
  return byKey;
}

/** Records one failure for each key, and drops this key's rows that no longer count. */
export async function recordSignInFailure(keys: string[], expiredBefore: Date, db?: Db): Promise<void> {
  const d = db ?? (await getDb());
  await d.insert(signInFailures).values(keys.map((key) => ({ key })));
  await d.delete(signInFailures).where(and(inArray(signInFailures.key, keys), lt(signInFailures.failedAt, expiredBefore)));
}

/** Forgets a key's failures (after a successful sign-in for that e-mail). */
export async function clearSignInFailures(key: string, db?: Db): Promise<void> {
  const d = db ?? (await getDb());
  await d.delete(signInFailures).where(eq(signInFailures.key, key));
}
