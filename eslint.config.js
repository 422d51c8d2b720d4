// Lint: typescript-eslint recommended rules plus the layer rules of STYLE.md:
// chem is the root; science modules never import I/O, databases, servers, the CLI or the UI; the kinetics stages run
// one way (parser/scaler/thermodynamics → solver → analyze → mapper); web takes only the API types from src/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const science = ['chem', 'data', 'mechanism', 'kinetics', 'transport', 'reactor', 'ml', 'plot'];
const ioModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'http',
  'node:http',
  'net',
  'node:net',
  'child_process',
  'node:child_process',
  'better-sqlite3',
  'pg',
  'fastify',
  'kysely',
];
const interfaceLayers = ['**/server/**', '**/cli/**', '**/web/**'];
// infrastructure and the use-case layer sit above the science: no science module imports them
const infrastructure = ['**/studies/**', '**/store/**', '**/jobs/**'];

/** no-restricted-imports options for a non-science zone: the folders it must not import. */
const zoneRule = (forbidden) => [
  'error',
  {
    patterns: [
      {
        group: forbidden,
        message: 'layers depend one way (STYLE.md): numerics, chem ← science ← studies ← server/cli ← web; store and jobs are infrastructure below the edges',
      },
    ],
  },
];

/**
 * The kinetics stages, earliest first (docs: src/kinetics/*): model building (parser, scaler and thermodynamics
 * compile a model file and call each other), the solver (rate equations, Newton, integrators), the analyses at
 * given conditions (analyze: steady state with its robust point solve, TOF/FE, pulses, ramps), and the descriptor
 * maps (mapper), which run the analyses' point solve at every grid point. A stage imports only earlier stages
 * (type-only imports are free: they vanish at run time).
 */
const kineticsStages = [['parser', 'scaler', 'thermodynamics'], ['solver'], ['analyze'], ['mapper']];
const kineticsStageRules = kineticsStages.slice(0, -1).map((stage, i) => ({
  files: stage.map((folder) => `src/kinetics/${folder}/**/*.ts`),
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: kineticsStages
              .slice(i + 1)
              .flat()
              .map((later) => `**/${later}/**`),
            allowTypeImports: true,
            message: `kinetics stages run one way: ${kineticsStages.map((s) => s.join('/')).join(' → ')} (eslint.config.js); move the shared piece to the earlier stage`,
          },
        ],
      },
    ],
  },
}));

/**
 * What the web app (web/src) may take from src/: type-only imports of the API's request/response types
 * (src/server/apiSchemas.ts, src/studies/), and values only from the few browser-safe modules it shares on
 * purpose so that there is one definition: how numbers are typed (chem/parseHumanNumber), the
 * model-vs-measurement chart (plot/modelVsMeasurementSpec), the charts' fonts and title (plot/chartStyle), the review's strategy list (data/strategies),
 * the homogeneous rate-constant sets the Process page offers (transport/transportData, constants whose one import, chem/carbonateEquilibria, has none itself:
 * its pK values) and the process inputs' defaults its forms start from, e.g. pulses until periodic (reactor/inputDefaults, constants whose one import,
 * transport/periodicDefaults, has none itself: the periodic tolerance and period cap of transient runs), and the virtual lab's defaults, e.g. its local-phase rule (ml/optimizeDefaults, constants and one pure
 * function without imports) and the two-objective acquisition default (ml/planDefaults, constants without imports). Nothing else: a new value import from src/ needs a reason here.
 */
const webSharedValues = [
  '**/src/chem/parseHumanNumber.js',
  '**/src/plot/modelVsMeasurementSpec.js',
  '**/src/plot/chartStyle.js',
  '**/src/data/strategies.js',
  '**/src/transport/transportData.js',
  '**/src/reactor/inputDefaults.js',
  '**/src/ml/optimizeDefaults.js',
  '**/src/ml/planDefaults.js',
];
const webApiTypes = ['**/src/server/apiSchemas.js', '**/src/studies/**'];
const webRule = [
  'error',
  {
    patterns: [
      {
        group: ['**/src/**/*.js', ...[...webSharedValues, ...webApiTypes].map((p) => `!${p}`)],
        message:
          'web talks to the server over HTTP: from src/ it imports only the API types (src/server/apiSchemas.ts, src/studies/; type-only) and the shared browser-safe modules listed in eslint.config.js',
      },
      {
        group: webApiTypes,
        allowTypeImports: true,
        message: 'web imports the API schemas as types only (import type …): the server validates, the browser bundle stays free of zod and the science',
      },
    ],
  },
];

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
  ...kineticsStageRules,
  { files: ['web/src/**/*.{ts,tsx}'], rules: { '@typescript-eslint/no-restricted-imports': webRule } },
  // React: hooks called unconditionally and effects that name every value they read
  {
    files: ['web/**/*.tsx', 'web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
