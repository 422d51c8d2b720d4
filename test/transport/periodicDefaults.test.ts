import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PULSE_DEFAULTS } from '../../src/reactor/inputDefaults.js';
import { PERIODIC_DEFAULTS } from '../../src/transport/periodicDefaults.js';

/** The module specifiers a source file imports (static `import … from '…'` and side-effect `import '…'`). */
function importsOf(relativePath: string): string[] {
  const source = readFileSync(new URL(`../../src/${relativePath}`, import.meta.url), 'utf8');
  return [...source.matchAll(/^import\s[^;]*?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

describe('the periodic defaults of transient runs, defined once in transport', () => {
  it('are the documented 1e-3 relative tolerance and 1000-period cap, and the pulse defaults take them', () => {
    expect(PERIODIC_DEFAULTS).toEqual({ tolerance: 1e-3, maxPeriods: 1000 });
    expect(PULSE_DEFAULTS).toEqual({ periods: 'auto', periodicTolerance: 1e-3, maxPeriods: 1000 });
  });
  it('stay browser-safe: the web imports reactor/inputDefaults, whose one import imports nothing', () => {
    expect(importsOf('reactor/inputDefaults.ts')).toEqual(['../transport/periodicDefaults.js']);
    expect(importsOf('transport/periodicDefaults.ts')).toEqual([]);
    // the helper does see imports (a file with several)
    expect(importsOf('transport/transientMicroenvironment.ts')).toContain('./periodicDefaults.js');
  });
});
