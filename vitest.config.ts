import { defineConfig } from 'vitest/config';

/**
 * Four projects, so each kind of test can run on its own (`npx vitest run --project unit` needs neither
 * PostgreSQL nor Chromium): unit (science and data, in-process), db (SQLite and PostgreSQL
 * parity; starts a throwaway PostgreSQL cluster), api (server, CLI, jobs and studies on loopback), e2e
 * (Debian Chromium). `npm test` runs them all.
 */
const db = ['test/store/**/*.test.ts'];
const api = ['test/server/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/jobs/**/*.test.ts', 'test/studies/**/*.test.ts'];
const e2e = ['test/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 30000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...db, ...api, ...e2e] } },
      { extends: true, test: { name: 'db', include: db, globalSetup: ['test/setup/postgres.ts'] } },
      { extends: true, test: { name: 'api', include: api } },
      { extends: true, test: { name: 'e2e', include: e2e } },
    ],
  },
});
