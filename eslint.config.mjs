import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import layers from './eslint/layers.mjs'

/** I/O and runtime packages that only main-process code may import. */
const SERVER_PACKAGES = ['electron', 'better-sqlite3', 'pg']

/** The store adapters: imported only by the factory, by their own files and by their own tests. */
const ADAPTERS = ['src/main/store/sqlite', 'src/main/store/postgres']

/**
 * The layers (README "Layout"). A file belongs to every layer whose `files` contain it;
 * `allowPaths` lists all it may import from the repository, `allowPackages` all packages.
 */
const LAYERS = [
  {
    rule: 'src/renderer imports only src/shared and itself, and no Node, Electron or database package',
    files: ['src/renderer'],
    allowPaths: ['src/renderer', 'src/shared'],
    denyBuiltins: true,
    denyPackages: SERVER_PACKAGES
  },
  {
    rule: 'src/shared imports only itself and zod (no Node, Electron, DOM, main, renderer or preload)',
    files: ['src/shared'],
    allowPaths: ['src/shared'],
    allowPackages: ['zod']
  },
  {
    rule: 'src/main/core is pure: it imports only src/shared and itself, and no package or I/O module',
    files: ['src/main/core'],
    allowPaths: ['src/main/core', 'src/shared'],
    allowPackages: []
  },
  {
    rule: 'src/main/services (use cases) imports only src/main/core, src/main/store, src/shared and itself, and no Electron, worker or database package',
    files: ['src/main/services'],
    allowPaths: ['src/main/services', 'src/main/core', 'src/main/store', 'src/shared'],
    denyPackages: [...SERVER_PACKAGES, 'node:worker_threads', 'node:child_process']
  },
  {
    rule: 'src/preload imports only electron, src/shared and itself',
    files: ['src/preload'],
    allowPaths: ['src/preload', 'src/shared'],
    allowPackages: ['electron']
  },
  {
    rule: 'main, the CLI, scripts and the bench never import the renderer or the preload',
    files: ['src/main', 'src/cli', 'scripts', 'bench'],
    denyPaths: ['src/renderer', 'src/preload']
  },
  ...ADAPTERS.map((adapter) => ({
    rule: `${adapter} is imported only by src/main/store/open-store.ts, by its own files and by test/main/store/${adapter.split('/').pop()}`,
    files: ['src', 'test', 'scripts', 'bench'],
    exceptFiles: [
      adapter,
      'src/main/store/open-store.ts',
      `test/main/store/${adapter.split('/').pop()}`,
      // The benchmarks time the SQLite adapter against raw better-sqlite3 on the same SQL,
      // and the store generator writes SQLite files.
      ...(adapter.endsWith('/sqlite') ? ['bench', 'test/bench'] : [])
    ],
    denyPaths: [adapter]
  }))
]

/** Code that runs in the page. */
const IN_PAGE = ['src/renderer/**', 'test/helpers/bridge-entry.ts']

/** Node code that also runs callbacks in the page (Playwright's page.evaluate). */
const BOTH_SIDES = ['test/e2e/**', 'test/helpers/app-harness.ts', 'bench/ipc-ui.ts']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'native/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Globals per runtime: the renderer runs in the browser, everything else in Node; code that
  // runs in the page from Node (the e2e tests' page.evaluate callbacks, the test bridge) gets both.
  // (src/shared and src/main/core get neither: they run in both.)
  { files: ['**/*.{ts,tsx,mjs,cjs,js}'], ignores: [...IN_PAGE, 'src/shared/**', 'src/main/core/**'], languageOptions: { globals: globals.node } },
  { files: IN_PAGE, ignores: BOTH_SIDES, languageOptions: { globals: globals.browser } },
  { files: BOTH_SIDES, languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    plugins: { layers },
    rules: { 'layers/imports': ['error', { layers: LAYERS }] }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  }
)
