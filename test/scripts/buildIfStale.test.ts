import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStale, newestMtimeMs, staleParts } from '../../scripts/buildIfStale.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'cncouple-stale-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes a file with a given modification time (seconds since the epoch). */
function file(rel: string, mtimeS: number) {
  const p = path.join(root, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, rel);
  utimesSync(p, mtimeS, mtimeS);
  return p;
}

describe('npm start rebuilds only what is stale', () => {
  it('finds the newest source, skipping node_modules and dist', () => {
    file('a/x.ts', 1000);
    file('a/b/y.ts', 3000);
    file('a/node_modules/z.js', 9000);
    file('a/dist/w.js', 9000);
    expect(newestMtimeMs([path.join(root, 'a')])).toBe(3_000_000);
    expect(newestMtimeMs([path.join(root, 'missing')])).toBe(0);
  });

  it('is stale when the output is missing or older than a source', () => {
    const src = path.join(root, 'a');
    expect(isStale([src], path.join(root, 'out/none.js'))).toBe(true);
    expect(isStale([src], file('out/new.js', 4000))).toBe(false);
    expect(isStale([src], file('out/old.js', 2000))).toBe(true);
  });

  it('tells the library and the web app apart', () => {
    const pkg = path.join(root, 'pkg');
    for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src/index.ts', 'web/src/main.tsx', 'web/index.html'])
      file(path.join('pkg', f), 1000);
    expect(staleParts(pkg)).toEqual({ library: true, web: true }); // fresh clone: nothing built
    file('pkg/dist/server/main.js', 2000);
    file('pkg/web/dist/index.html', 2000);
    expect(staleParts(pkg)).toEqual({ library: false, web: false });
    file('pkg/web/src/main.tsx', 3000); // a front-end edit rebuilds only the web app
    expect(staleParts(pkg)).toEqual({ library: false, web: true });
    file('pkg/web/dist/index.html', 4000);
    file('pkg/src/index.ts', 5000); // a library edit rebuilds both (the web app imports from src/)
    expect(staleParts(pkg)).toEqual({ library: true, web: true });
  });
});
