// Lint: typescript-eslint recommended rules plus the layer rules of STYLE.md:
// chem is the root; science modules never import I/O, databases, servers, the CLI or the UI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const science = ['chem', 'data', 'mechanism', 'kinetics', 'transport', 'reactor', 'ml', 'plot'];
const ioModules = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'node:http', 'net', 'node:net', 'child_process', 'node:child_process', 'better-sqlite3', 'pg', 'fastify', 'kysely'];
const interfaceLayers = ['**/server/**', '**/cli/**', '**/web/**'];

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
  { files: ['src/chem/**/*.ts'], rules: { 'no-restricted-imports': layerRule(['../*']), 'no-console': 'error' } },
  {
    files: science.filter((l) => l !== 'chem').map((layer) => `src/${layer}/**/*.ts`),
    rules: { 'no-restricted-imports': layerRule([]), 'no-console': 'error' },
  },
);
