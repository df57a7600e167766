// `npm run bench:model-run [-- runs]`: runs the model of the seeded CDNOW demo workspace (69,659
// orders, 23,570 customers; `npm run db:seed` first) through the app's path — SQL histories, fit,
// backtest, COPY of the predictions — on the database in DATABASE_URL or the embedded one, and
// prints the seconds of each step per run and their medians. Each run replaces the demo's predictions.
import { and, eq } from 'drizzle-orm';
import { closeConnection, getConnection, getDb } from '../db/index';
import { memberships, users, workspaces } from '../db/schema';
import { DEMO_EMAIL, DEMO_WORKSPACE } from '../db/seed-demo';
import { runModelNow, type RunTimings } from '../lib/predictions/run-model-for-workspace';

const runs = Number(process.argv[2] ?? 3);
const { kind } = await getConnection();
const db = await getDb();
const [demo] = await db
  .select({ id: workspaces.id })
  .from(workspaces)
  .innerJoin(memberships, eq(memberships.workspaceId, workspaces.id))
  .innerJoin(users, eq(users.id, memberships.userId))
  .where(and(eq(users.email, DEMO_EMAIL), eq(workspaces.name, DEMO_WORKSPACE)));
if (!demo) throw new Error('No CDNOW demo workspace: run `npm run db:seed` first.');

const all: (RunTimings & { total: number })[] = [];
for (let i = 1; i <= runs; i++) {
  const report = await runModelNow({ workspaceId: demo.id });
  if (report.status !== 'completed') throw new Error(`run ${i} ${report.status}: ${report.message}`);
  const s = report.seconds;
  all.push({ ...s, total: s.histories + s.fit + s.backtest + s.write });
  console.log(`${kind} run ${i}: ${format(all[all.length - 1]!)}`);
}
const median = (key: keyof (typeof all)[number]) => all.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
const medians = { histories: median('histories'), fit: median('fit'), backtest: median('backtest'), write: median('write'), total: median('total') };
console.log(`${kind} median of ${runs}: ${format(medians)}`);
await closeConnection();

function format(t: RunTimings & { total: number }): string {
  return `total ${t.total.toFixed(2)} s (histories ${t.histories.toFixed(2)}, fit ${t.fit.toFixed(2)}, backtest ${t.backtest.toFixed(2)}, write ${t.write.toFixed(2)})`;
}
