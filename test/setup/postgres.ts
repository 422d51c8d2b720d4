/**
 * Vitest global setup: provides a PostgreSQL URL for the parity tests — CNCOUPLE_TEST_PG_URL when set,
 * otherwise a throwaway cluster started from Debian's binaries and removed afterwards.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from '../../scripts/postgresCluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.CNCOUPLE_TEST_PG_URL) {
    project.provide('pgUrl', process.env.CNCOUPLE_TEST_PG_URL);
    return;
  }
  const cluster = await startPostgresCluster();
  project.provide('pgUrl', cluster.url);
  return cluster.stop;
}
