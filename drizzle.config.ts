import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; `db:migrate` (db/migrate.ts) applies the SQL to PGlite or Postgres.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema',
  out: './drizzle',
});
