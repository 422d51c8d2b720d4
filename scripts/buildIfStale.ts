/**
 * `npm start` step: rebuilds the library (tsc → dist/) and the web app (vite → web/dist/) only when a file
 * they are built from is newer than what was built last, so a second start answers in seconds instead of
 * rebuilding everything (38 s on a fresh clone). `--force` rebuilds both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Newest modification time (ms) of the files under `paths` (folders walked, node_modules and dist skipped); 0 if none. */
export function newestMtimeMs(paths: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') walk(path.join(p, name));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  paths.forEach(walk);
  return newest;
}

/** True when `output` is missing or older than the newest of `sources`. */
export function isStale(sources: string[], output: string): boolean {
  return !existsSync(output) || newestMtimeMs(sources) > statSync(output).mtimeMs;
}

/** What `npm start` must rebuild in the package at `root`. */
export function staleParts(root: string): { library: boolean; web: boolean } {
  const at = (...p: string[]) => path.join(root, ...p);
  const shared = [at('package.json'), at('package-lock.json'), at('tsconfig.json')];
  return {
    library: isStale([at('src'), at('tsconfig.build.json'), ...shared], at('dist', 'server', 'main.js')),
    // the web app imports types and a few constant modules from src/
    web: isStale([at('web'), at('src'), ...shared], at('web', 'dist', 'index.html')),
  };
}

function run(command: string, args: string[], root: string) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const force = process.argv.includes('--force');
  const stale = staleParts(root);
  if (force || stale.library) {
    console.log('building the library (tsc)…');
    run('npx', ['tsc', '-p', 'tsconfig.build.json'], root);
  } else console.log('library: dist/ is up to date');
  if (force || stale.web) {
    console.log('building the web app (vite)…');
    run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], root);
  } else console.log('web app: web/dist/ is up to date');
}
