#!/usr/bin/env node
/**
 * `npm start` entry: the web app and API on one port ($PORT, default 8480) and interface ($HOST, default
 * 127.0.0.1), on the embedded database in $CNCOUPLE_DATA_DIR (default ~/.local/share/cncouple), created and
 * seeded with the curated literature on first run; $CNCOUPLE_DATABASE_URL selects PostgreSQL instead.
 */
import { defaultDataDir } from '../cli/dbCommands.js';
import { startServer } from './startServer.js';

async function main() {
  const dataDir = defaultDataDir();
  const server = await startServer({ dataDir, databaseUrl: process.env.CNCOUPLE_DATABASE_URL });
  console.log(`cncouple is running at ${server.url}  (database: ${server.store.location}; Ctrl+C stops)`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`cncouple could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
