/**
 * Starts a throwaway PostgreSQL cluster from Debian's binaries on a free loopback port (as the `postgres`
 * user when running as root), for tests and benchmarks. Returns its URL and a stop function.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The newest /usr/lib/postgresql/<version>/bin that has initdb, or null. */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** A running throwaway cluster. */
export interface PostgresCluster {
  url: string;
  stop: () => void;
}

/** Starts the cluster with database `dbName`; throws with an install hint when PostgreSQL is missing. */
export async function startPostgresCluster(dbName = 'cncouple_test'): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is needed: `apt-get install -y postgresql` (Debian), or set CNCOUPLE_TEST_PG_URL=postgres://…');
  const isRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    execFileSync(isRoot ? 'runuser' : cmd, isRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'pipe', cwd: os.tmpdir() });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'cncouple', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  run(path.join(bin, 'pg_ctl'), [
    '-D',
    dataDir,
    '-w',
    '-l',
    path.join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  run(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'cncouple', dbName]);
  return {
    url: `postgres://cncouple@127.0.0.1:${port}/${dbName}`,
    stop: () => {
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
