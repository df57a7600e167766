import { eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { users } from '../schema';

/** The user with this e-mail (already normalised to lower case), or null. */
export async function getUserByEmail(email: string, db?: Db) {
  const d = db ?? (await getDb());
  const [user] = await d.select().from(users).where(eq(users.email, email));
  return user ?? null;
}

export async function getUserById(id: string, db?: Db) {
  const d = db ?? (await getDb());
  const [user] = await d.select().from(users).where(eq(users.id, id));
  return user ?? null;
}

/** Creates a user; returns null when the e-mail is taken (the unique index decides, not a pre-check). */
export async function createUser(input: { email: string; name: string | null; passwordHash: string }, db?: Db) {
  const d = db ?? (await getDb());
  const [user] = await d.insert(users).values(input).onConflictDoNothing({ target: users.email }).returning();
  return user ?? null;
}

/** Sets a new password hash and bumps the session version, which signs out every existing session. */
export async function updatePasswordHash(userId: string, passwordHash: string, db?: Db) {
  const d = db ?? (await getDb());
  await d
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
