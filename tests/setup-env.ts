// Without DATABASE_URL every test file gets its own in-memory embedded database, migrated on open.
if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = 'memory://';
