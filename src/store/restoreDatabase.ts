import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../chem/index.js';

/** What {@link restoreDatabase} did. */
export interface RestoreResult {
  /** The database file now holding the backup's content. */
  file: string;
  /** Where the replaced database went (`backups/cncouple-replaced-<time>.sqlite`), if there was one. */
  replacedBy?: string;
}

/**
 * Puts the backup `from` in place of the embedded database `<dataDir>/cncouple.sqlite`, after checking the
 * backup (`PRAGMA quick_check`). The database it replaces (with its -wal and -shm files) is moved to
 * `backups/cncouple-replaced-<time>.sqlite`, not deleted. Run it while no server uses the folder.
 * @throws {InputError} (field `backup`) when the backup is missing, no SQLite file, or damaged itself
 */
export function restoreDatabase(dataDir: string, from: string): RestoreResult {
  if (!existsSync(from)) throw new InputError('backup', 'a backup file written by "cncouple db backup"', `no file "${from}"`);
  let problems: string[];
  try {
    const db = new Database(from, { readonly: true, fileMustExist: true });
    try {
      problems = (db.pragma('quick_check(10)') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
      if (!problems.length && !db.prepare("select 1 from sqlite_master where name = 'records'").get()) problems = ['it has no records table'];
    } finally {
      db.close();
    }
  } catch (error) {
    problems = [(error as Error).message];
  }
  if (problems.length) throw new InputError('backup', 'an undamaged backup written by "cncouple db backup"', `"${from}" fails its check: ${problems[0]}`);
  const file = path.join(dataDir, 'cncouple.sqlite');
  mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
  let replacedBy: string | undefined;
  if (existsSync(file)) {
    const stamp = new Date()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
      .replaceAll(':', '-');
    replacedBy = path.join(dataDir, 'backups', `cncouple-replaced-${stamp}.sqlite`);
    renameSync(file, replacedBy);
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, replacedBy + suffix);
  }
  copyFileSync(from, file);
  return { file, ...(replacedBy ? { replacedBy } : {}) };
}
