import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The folders below `dir`: zones are generated from them, so a new one is covered unasked. */
const foldersOf = (dir) =>
  readdirSync(new URL(dir, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
const FEATURES = foldersOf('./src/features');
const SERVER_FOLDERS = foldersOf('./server');

export default tseslint.config(
  { ignores: ['dist', 'bench/.out', 'node_modules', 'server/db/migrations', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': 'error',
      // Boundaries: the server never imports the SPA, the SPA never imports the server; both
      // may import the shared contract. Inside the SPA: shared -> features -> app, and features
      // do not import each other.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './server', from: './src', message: 'The server never imports the SPA.' },
            { target: './src', from: './server', message: 'The SPA never imports the server; share through contract/.' },
            { target: './contract', from: ['./src', './server'], message: 'The contract depends on nothing of ours.' },
            { target: './src/features', from: './src/app', message: 'Features do not import the app layer.' },
            {
              target: ['./src/components', './src/lib', './src/locales'],
              from: ['./src/features', './src/app'],
              message: 'Shared code does not import features or the app.',
            },
            ...FEATURES.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'Features do not import each other; move what both need into shared code.',
            })),
            // Server layers: surfaces -> services -> data, with pure modules below them all.
            ...['keys', 'permissions'].map((pure) => ({
              target: `./server/${pure}`,
              from: './server',
              except: [`./${pure}`],
              message: 'Pure modules (keys, permissions) import only the contract and the catalogs.',
            })),
            { target: './server/db', from: './server', except: ['./db'], message: 'The data layer imports no service or surface.' },
            {
              target: ['./server/surfaces/console', './server/surfaces/public-api', './server/surfaces/gateway'],
              from: './server/db',
              message: 'Route handlers get what they need from services, never the database.',
            },
            {
              target: SERVER_FOLDERS.filter((folder) => folder !== 'surfaces').map((folder) => `./server/${folder}`),
              from: './server/surfaces',
              message: 'Services and data never import a surface: surfaces call services.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // The picker's own checkbox (a native input that also shows "some"), and the method's
      // name beside it, are a labelled control like any input.
      'jsx-a11y/label-has-associated-control': [
        'error',
        { controlComponents: ['TriStateCheckbox'], labelComponents: [], depth: 3 },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'e2e/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Each e2e worker has a server of its own: a spec reaches it through e2e/support/test.ts.
    // Only the setup spec and the screens reach server 0 through Playwright's own test.
    files: ['e2e/**/*.ts'],
    ignores: ['e2e/setup.spec.ts', 'e2e/screens.ts', 'e2e/support/test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test'],
              message: "Import test from e2e/support/test.ts: it points baseURL at this worker's own server.",
            },
          ],
        },
      ],
    },
  },
);
