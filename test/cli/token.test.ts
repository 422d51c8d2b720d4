/** `cncouple token …` and the CLI's hardening: exit codes, one-line errors, a closed stdout pipe (issue 14). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-token-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('cncouple token', () => {
  it('creates (secret shown once), lists (never the secret) and revokes tokens', async () => {
    const created = await cli('token', 'create', '--name', 'alice', '--scope', 'admin', '--data-dir', dataDir, '--json');
    expect(created.code).toBe(0);
    const { token, scope } = JSON.parse(created.out) as { token: string; scope: string };
    expect([token.length, scope]).toEqual([47, 'admin']); // "cnc_" + 43 base64url characters of 32 bytes
    const listed = await cli('token', 'list', '--data-dir', dataDir);
    expect(listed.out).toContain('alice');
    expect(listed.out).not.toContain(token.slice(4));
    expect((await cli('token', 'create', '--name', 'alice', '--data-dir', dataDir)).code).toBe(2);
    expect((await cli('token', 'create', '--name', 'bad name', '--data-dir', dataDir)).code).toBe(2);
    expect((await cli('token', 'create', '--name', 'bob', '--scope', 'root', '--data-dir', dataDir)).code).toBe(2);
    expect((await cli('token', 'revoke', 'alice', '--data-dir', dataDir)).out).toContain('revoked token "alice"');
    const again = await cli('token', 'revoke', 'alice', '--data-dir', dataDir);
    expect([again.code, again.err.trim().split('\n').length]).toEqual([2, 1]);
  });
});

describe('CLI hardening', () => {
  it('answers an overflowing conversion and a 10 000-deep formula with one line and exit 2', async () => {
    const overflow = await cli('convert', '1e308', 'mmol h-1 cm-2', 'umol h-1 cm-2');
    expect([overflow.code, overflow.err]).toEqual([2, expect.stringMatching(/^error: value: the result is Infinity/)]);
    const deep = await cli('formula', '('.repeat(10_000) + 'H' + ')'.repeat(10_000));
    expect(deep.code).toBe(2);
    expect(deep.err).toMatch(/^error: formula: .*200 characters/); // the calculator's schema, as the API answers it
  });

  it('exits quietly (0, no stack trace) when the reader of its output leaves (EPIPE)', () => {
    const main = new URL('../../src/cli/main.ts', import.meta.url).pathname;
    // `| true`: the reader exits at once, so every write meets a closed pipe
    const run = spawnSync('bash', ['-c', `set -o pipefail; node --import tsx "${main}" species | true`], { encoding: 'utf8' });
    expect(run.stderr).not.toContain('EPIPE');
    expect(run.status).toBe(0);
  });
});
