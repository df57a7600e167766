import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { closeConnection, getScriptConnection, MIGRATIONS_FOLDER } from './index';

/**
 * `npm run db:migrate`: applies drizzle/ to the database in DATABASE_URL, or to the embedded
 * database (which also migrates itself whenever it is opened).
 */
const conn = await getScriptConnection();
if (conn.kind === 'postgres') {
  await migrate(conn.db as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS_FOLDER });
}
console.log(`Migrations applied (${conn.kind === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'}).`);
await closeConnection();
