// Which process a module may run in is a lint rule, not a convention: the core never touches
// Electron or React, the renderer never touches Node, and only the contract crosses over.
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'worker_threads',
  'stream',
  'buffer',
];

const restricted = (names, message) => names.map((name) => ({ name, message }));

const boundaries = {
  core: {
    paths: restricted(['electron', 'react', 'react-dom'], 'electron/core runs under plain Node: no Electron, no React.'),
    patterns: [
      { regex: '^(electron|react|react-dom)/', message: 'electron/core runs under plain Node: no Electron, no React.' },
      { group: ['**/renderer/**', '**/main/**', '**/web/**', '**/preload/**'], message: 'The core imports only the contract and itself.' },
    ],
  },
  contract: {
    paths: restricted([...nodeBuiltins, 'electron', 'react', 'better-sqlite3-multiple-ciphers'], 'The contract is pure TypeScript + zod.'),
    patterns: [
      { regex: '^node:', message: 'The contract is pure TypeScript + zod, shared by both sides.' },
      { group: ['**/core/**', '**/main/**', '**/web/**', '**/renderer/**'], message: 'The contract imports nothing of ours.' },
    ],
  },
  shared: {
    paths: restricted(['electron', 'react', 'react-dom'], 'electron/shared serves both the Electron shell and the web bridge: no Electron, no React.'),
    patterns: [
      { regex: '^(electron|react|react-dom)/', message: 'electron/shared serves both the Electron shell and the web bridge: no Electron, no React.' },
      { group: ['**/core/**', '**/main/**', '**/web/**', '**/preload/**', '**/renderer/**'], message: 'electron/shared imports nothing of ours.' },
    ],
  },
  renderer: {
    paths: restricted([...nodeBuiltins, 'electron', 'better-sqlite3-multiple-ciphers'], 'The renderer never imports Node or Electron.'),
    patterns: [
      { regex: '^(node:|electron/)', message: 'The renderer never imports Node or Electron.' },
      {
        group: ['**/electron/core/**', '**/electron/main/**', '**/electron/web/**', '**/electron/preload/**'],
        message: 'From electron/, the renderer imports only electron/contract.',
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'native/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', boundaries.core] },
  },
  {
    files: ['electron/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', boundaries.contract] },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', boundaries.shared] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      'no-restricted-imports': ['error', boundaries.renderer],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: ['label', 'placeholder', 'title', 'alt', 'aria-label', 'description', 'error', 'content'],
          },
        },
      ],
    },
  },
);
