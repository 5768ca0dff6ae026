import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import checkFile from 'eslint-plugin-check-file';
import globals from 'globals';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// The layering of architecture.md: domain imports nothing of ours; lib imports domain;
// features import lib and domain (never a sibling feature); app composes features;
// the emulator imports domain only, and nothing in src imports the emulator.
const layerZones = [
  {
    target: './src/domain',
    from: [
      './src/lib',
      './src/features',
      './src/app',
      './src/components',
      './src/config',
      './emulator',
    ],
    message: 'src/domain is pure: it imports nothing of ours.',
  },
  {
    target: './src/lib',
    from: ['./src/features', './src/app'],
    message: 'src/lib may import src/domain and src/config only.',
  },
  {
    target: './src/features',
    from: './src/app',
    message: 'Features never import the app shell; src/app composes features.',
  },
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'A feature never imports a sibling feature; compose them in src/app.',
  })),
  {
    target: './src',
    from: './emulator',
    message: 'The app never imports the local AWS stand-in.',
  },
  {
    target: './emulator',
    from: ['./src/lib', './src/features', './src/app', './src/components', './src/config'],
    message: 'The emulator imports src/domain only.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'coverage',
      'test-results',
      'playwright-report',
      '.local-aws',
      '.cognito',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, 'check-file': checkFile },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: './tsconfig.app.json' }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': 'error',
      'import-x/no-default-export': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { '{src,emulator,e2e}/**/': 'KEBAB_CASE' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lib/aws/**', 'src/features/*/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*', '@smithy/*'],
              message: 'AWS calls go through src/lib/aws and features/*/api only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      '@tanstack/query/prefer-query-options': 'error',
      // One IoT client per session: it never changes while the cache lives, so it is no key part.
      '@tanstack/query/exhaustive-deps': ['error', { allowlist: { types: ['IoTClient'] } }],
    },
  },
  {
    files: ['emulator/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Config files and Playwright's global hooks are loaded by their tools, which expect a
    // default export.
    files: ['*.config.{ts,js}', 'e2e/global-*.ts'],
    rules: { 'import-x/no-default-export': 'off' },
  },
);
