// Lint: typescript-eslint recommended rules plus the layer rules of STYLE.md:
// chem is the root; science modules never import I/O, databases, servers, the CLI or the UI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const science = ['chem', 'data', 'mechanism', 'kinetics', 'transport', 'reactor', 'ml', 'plot'];
const ioModules = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'node:http', 'net', 'node:net', 'child_process', 'node:child_process', 'better-sqlite3', 'pg', 'fastify', 'kysely'];
const interfaceLayers = ['**/server/**', '**/cli/**', '**/web/**'];
// infrastructure and the use-case layer sit above the science: no science module imports them
const infrastructure = ['**/studies/**', '**/store/**', '**/jobs/**'];

/** no-restricted-imports options for a non-science zone: the folders it must not import. */
const zoneRule = (forbidden) => ['error', { patterns: [{ group: forbidden, message: 'layers depend one way (STYLE.md): numerics, chem ← science ← studies ← server/cli ← web; store and jobs are infrastructure below the edges' }] }];

/** no-restricted-imports options for one science layer. */
const layerRule = (extraForbidden) => [
  'error',
  {
    paths: ioModules.map((name) => ({ name, message: 'science modules do no I/O: take data as arguments; server/cli do the I/O' })),
    patterns: [{ group: [...interfaceLayers, ...extraForbidden], message: 'layers depend one way: chem ← science ← server/cli ← web' }],
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  // chem imports nothing outside its own folder
  { files: ['src/chem/**/*.ts'], rules: { 'no-restricted-imports': layerRule(['../*', '!../numerics']), 'no-console': 'error' } },
  {
    files: science.filter((l) => l !== 'chem').map((layer) => `src/${layer}/**/*.ts`),
    rules: { 'no-restricted-imports': layerRule(infrastructure), 'no-console': 'error' },
  },
  // numerics is a root too: plain kernels with no knowledge of chemistry
  { files: ['src/numerics/**/*.ts'], rules: { 'no-restricted-imports': layerRule(['../*']), 'no-console': 'error' } },
  // the use-case layer composes science and reads built-in data (store); the edges call it, never the reverse
  { files: ['src/studies/**/*.ts'], rules: { 'no-restricted-imports': zoneRule(['**/server/**', '**/cli/**', '**/web/**', '**/jobs/**']) } },
  // infrastructure: the store and the job runners know nothing of the edges
  { files: ['src/store/**/*.ts'], rules: { 'no-restricted-imports': zoneRule(['**/server/**', '**/cli/**', '**/web/**', '**/jobs/**', '**/studies/**']) } },
  { files: ['src/jobs/**/*.ts'], rules: { 'no-restricted-imports': zoneRule(['**/server/**', '**/cli/**', '**/web/**']) } },
  // the server and the CLI are siblings: each calls studies, jobs and the store, never the other
  { files: ['src/server/**/*.ts'], rules: { 'no-restricted-imports': zoneRule(['**/cli/**', '**/web/**']) } },
);
