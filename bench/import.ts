// `npm run bench:import`: imports CDNOW_master (69,659 rows) through the upload code path — bytes →
// preset reader (text checks, records, canonical orders) → staging CSV → COPY → set-based merge — into a fresh workspace,
// RUNS times, and prints rows/s and peak memory. The database is the one the app would use:
// DATABASE_URL when set, otherwise a throw-away in-memory PGlite (so the benchmark never touches
// the developer's .pglite folder). The last line is one JSON object with every figure.
// Target (issue 2): CDNOW_master imported in under 10 s on this 2-core machine.
import { createReadStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';

if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = 'memory://';

const { closeConnection, getConnection } = await import('../db/index');
const { importFile } = await import('../db/queries/import-file');
const { createUser } = await import('../db/queries/users');
const { createWorkspace } = await import('../db/queries/workspaces');
const { importTransactionsSchema } = await import('../lib/validation/imports');

const FILE = resolve(process.cwd(), 'data/CDNOW_master.txt');
const ROWS = 69_659;
const RUNS = 3;
const TARGET_SECONDS = 10;

const input = importTransactionsSchema.parse({
  delimiter: 'whitespace', hasHeader: true, customerId: 0, date: 1, quantity: 2, amount: 3, dateFormat: 'YYYYMMDD', currency: 'USD',
});

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);

const conn = await getConnection();
const runs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const user = await createUser({ email: `bench-${randomUUID()}@example.test`, name: 'bench', passwordHash: 'x' });
  const workspace = await createWorkspace({ name: `bench ${randomUUID().slice(0, 8)}`, userId: user!.id });
  const started = performance.now();
  const summary = await importFile({
    workspaceId: workspace.id, userId: user!.id, timeZone: workspace.timeZone, fileName: 'CDNOW_master.txt',
    openBytes: () => createReadStream(FILE), input, asOf: new Date(),
  });
  const seconds = (performance.now() - started) / 1000;
  if (summary.ordersAdded !== ROWS) throw new Error(`expected ${ROWS} orders, imported ${summary.ordersAdded}`);
  runs.push(seconds);
  console.log(`run ${i + 1}: ${ROWS.toLocaleString('en-US')} rows in ${seconds.toFixed(2)} s (${Math.round(ROWS / seconds).toLocaleString('en-US')} rows/s)`);
}
clearInterval(sampler);
await closeConnection();

const median = [...runs].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
const result = {
  database: conn.kind,
  rows: ROWS,
  runs: runs.map((s) => Number(s.toFixed(3))),
  seconds: Number(median.toFixed(3)),
  rowsPerSecond: Math.round(ROWS / median),
  peakMB: Math.round(peakRss / 1024 / 1024),
  targetSeconds: TARGET_SECONDS,
  targetRatio: Number((TARGET_SECONDS / median).toFixed(1)),
};
console.log(`median ${result.seconds} s, ${result.rowsPerSecond.toLocaleString('en-US')} rows/s, peak RSS ${result.peakMB} MB, ${result.targetRatio}× under the ${TARGET_SECONDS} s target`);
console.log(JSON.stringify(result));
