/**
 * Next.js calls register() once when a server process starts (dev and production, not during the
 * build). The background workers run inside the server: no separate process to deploy or forget.
 */
export async function register() {
  // The edge runtime has no database driver; NEXT_RUNTIME is set by Next itself, not by us.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startWorkers } = await import('./lib/jobs/workers');
  await startWorkers();
}
