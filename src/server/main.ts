#!/usr/bin/env node
/**
 * `npm start` entry: the web app and API on one port ($PORT, default 8480) and interface ($HOST, default
 * 127.0.0.1; beyond loopback writes need an API token, or $CNCOUPLE_INSECURE_NO_AUTH=1), on the embedded database in $CNCOUPLE_DATA_DIR (default ~/.local/share/cncouple), created and
 * seeded with the curated literature on first run; $CNCOUPLE_DATABASE_URL selects PostgreSQL instead.
 */
import { defaultDataDir } from '../store/defaultDataDir.js';
import { runParallelSweep } from '../jobs/runParallelSweep.js';
import { closeWorkerPools } from '../jobs/workerPool.js';
import { builtinModelText } from '../store/builtinModels.js';
import { InputError } from '../chem/index.js';
import { DatabaseError } from '../store/errors.js';
import { startServer } from './startServer.js';

/** A 40 × 40 sweep of the built-in urea model, one chunk per worker: loads the modules and compiles the solver. */
const WARM_UP_SWEEP = {
  modelText: builtinModelText('urea-cu4-ceo2'),
  spec: { x: { name: 'dG_NO', from: -1.5, to: 0.5, points: 40 }, y: { name: 'dG_CO', from: -0.5, to: 1.0, points: 40 } },
  chunkRows: 20,
};

async function main() {
  const dataDir = defaultDataDir();
  const server = await startServer({ dataDir, databaseUrl: process.env.CNCOUPLE_DATABASE_URL, insecureNoAuth: process.env.CNCOUPLE_INSECURE_NO_AUTH === '1' });
  if (server.store.migrationBackup) console.log(`database schema upgraded; the previous database is kept in ${server.store.migrationBackup}`);
  console.log(`cncouple is running at ${server.url}  (database: ${server.store.location}; Ctrl+C stops)`);
  // in the background, so that the first volcano a user asks for runs on warm workers
  runParallelSweep(WARM_UP_SWEEP).catch((error: unknown) => console.warn(`worker warm-up sweep failed (sweeps still run, cold): ${(error as Error).message}`));
  const stop = async () => {
    await server.close();
    await closeWorkerPools();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`cncouple could not start: ${error instanceof Error ? error.message : String(error)}`);
  // a database that cannot serve, or a refused configuration: the user's to fix (exit 2); anything else is ours (1)
  process.exit(error instanceof DatabaseError || error instanceof InputError ? 2 : 1);
});
