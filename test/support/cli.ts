import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/program.js';

/** Runs the CLI in-process and captures its exit code, stdout and stderr. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

let studyFiles = 0;

/**
 * `cncouple study <name> <file> …argv` with `input` written as JSON to a new file in `dir`: what an API body of the
 * same study gives through the CLI's study-file edge.
 * @example const r = await studyCli('tea', { preset: 'jouny2018' }, server.dataDir, '--json');
 */
export async function studyCli(name: string, input: unknown, dir: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const file = path.join(dir, `${name}-${++studyFiles}.json`);
  writeFileSync(file, JSON.stringify(input));
  return cli('study', name, file, ...argv);
}

/**
 * `cncouple study <name> <file> --json` on `input` (see {@link studyCli}), parsed; rejects with the exit code and
 * stderr when it does not exit 0.
 */
export async function studyJson(name: string, input: unknown, dir: string): Promise<unknown> {
  const r = await studyCli(name, input, dir, '--json');
  if (r.code !== 0) throw new Error(`study ${name} exited ${r.code}: ${r.err}`);
  return JSON.parse(r.out);
}
