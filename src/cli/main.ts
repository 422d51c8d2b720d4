#!/usr/bin/env node
import { runCli } from './program.js';

// `cncouple db list | head -1`: the reader left; stop quietly, as other Unix tools do (not an EPIPE stack trace)
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
