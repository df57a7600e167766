import { env } from '@/lib/env';
import { closeConnection, getScriptConnection } from './index';
import { printDemoLogin, printModelRun, seedDemo } from './seed-demo';

/**
 * `npm run db:seed`: the CDNOW demo into the database in DATABASE_URL (or the embedded one).
 * Refuses any host that is not this machine, so it can never write demo data into production.
 */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);

if (env.DATABASE_URL) {
  const host = new URL(env.DATABASE_URL).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    console.error(`Refusing to seed demo data into ${host}: db:seed only writes to a local database.`);
    process.exit(1);
  }
}
await getScriptConnection();
const started = Date.now();
const { slug, imported, modelRun } = await seedDemo();
const elapsed = ((Date.now() - started) / 1000).toFixed(1);
console.log(imported || modelRun ? `Seeded the CDNOW demo in ${elapsed} s.` : 'The CDNOW demo is already seeded.');
if (modelRun) printModelRun(modelRun);
printDemoLogin(slug);
await closeConnection();
