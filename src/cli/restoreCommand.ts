import { type Command, Option } from 'commander';
import type { Output } from './dbCommands.js';
import { defaultDataDir } from '../store/defaultDataDir.js';

/**
 * Registers `db restore <backup>` on the `db` command: puts a backup (from `db backup`) in place of the embedded
 * database, keeping the replaced file in backups/. The way back from a database the integrity check refuses.
 */
export function registerRestoreCommand(
  program: Command,
  run: <A extends unknown[]>(fn: (...args: A) => Output | Promise<Output>) => (...args: A) => Promise<void>,
): void {
  const db = program.commands.find((c) => c.name() === 'db');
  if (!db) throw new Error('registerRestoreCommand: register the db commands first');
  db.command('restore')
    .description('put a backup (from "db backup") in place of the embedded database; the replaced file is kept in backups/. Stop the server first')
    .argument('<backup>', 'a .sqlite file written by "cncouple db backup"')
    .addOption(new Option('--json', 'machine-readable output (see docs/cli.md)'))
    .action(
      run(async (backup: string, _o: unknown, cmd: Command) => {
        const { restoreDatabase } = await import('../store/restoreDatabase.js');
        const o = cmd.optsWithGlobals() as { dataDir?: string };
        const result = restoreDatabase(o.dataDir ?? defaultDataDir(), backup);
        return {
          json: result,
          text: `restored ${backup} to ${result.file}${result.replacedBy ? `; the replaced database is kept as ${result.replacedBy}` : ''}`,
        };
      }),
    );
}
