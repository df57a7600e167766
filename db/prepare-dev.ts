import { env } from '@/lib/env';
import { closeConnection, getScriptConnection } from './index';
import { printDemoLogin, printModelRun, seedDemo } from './seed-demo';

/**
 * Runs before `npm run dev`. On the embedded database: migrate (on open) and seed the demo, so a
 * newcomer needs nothing installed. A database named by DATABASE_URL is left alone: it is
 * migrated with `npm run db:migrate` and seeded only when asked, with `npm run db:seed`.
 */
if (env.DATABASE_URL) {
  console.log('Using DATABASE_URL. Run `npm run db:migrate` after pulling, and `npm run db:seed` for the demo workspace.');
} else {
  console.log(`Preparing the embedded database in ${env.PGLITE_DIR} …`);
  await getScriptConnection();
  const started = Date.now();
  const { slug, imported, modelRun } = await seedDemo();
  if (imported) console.log(`Seeded the CDNOW demo (69,659 orders and a model run) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (modelRun) printModelRun(modelRun);
  printDemoLogin(slug);
  await closeConnection();
}
