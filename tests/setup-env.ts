// Without DATABASE_URL every test file gets its own in-memory embedded database, migrated on open.
if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = 'memory://';
// Uploads wait in a folder of their own per test run, never in the checkout's .uploads.
process.env.UPLOAD_DIR = `${(await import('node:os')).tmpdir()}/worthwise-test-uploads-${process.pid}`;
export {};
