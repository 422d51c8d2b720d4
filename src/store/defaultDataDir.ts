import os from 'node:os';
import path from 'node:path';

/** Default data directory of the embedded database: $CNCOUPLE_DATA_DIR or ~/.local/share/cncouple. */
export function defaultDataDir(): string {
  return process.env.CNCOUPLE_DATA_DIR ?? path.join(os.homedir(), '.local', 'share', 'cncouple');
}
