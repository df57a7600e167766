import postgres from 'postgres';

/**
 * Moves an invitation's expiry into the past, straight in the database the server uses: time
 * travel for one row instead of a fake clock in the app. Needs DATABASE_URL (the embedded
 * database cannot be opened by two processes).
 */
export async function expireInvitation(email: string): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('expireInvitation needs DATABASE_URL: run the e2e suite against PostgreSQL');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`update invitations set expires_at = now() - interval '1 minute' where email = ${email} returning id`;
    if (rows.length !== 1) throw new Error(`expected one invitation for ${email}, found ${rows.length}`);
  } finally {
    await sql.end();
  }
}
