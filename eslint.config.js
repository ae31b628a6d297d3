// @ts-check
import tseslint from 'typescript-eslint';

// Lint is where the layer rules of DESIGN §3 are enforced: each library is wrapped once, only the
// vault touches keys and crypto.subtle, only the store touches IndexedDB, and nothing in the
// survivor's app writes history, URL state, Web Storage or console output.
const restrictedImports = (allowed) =>
  ['idb', 'hash-wasm', 'i18next']
    .filter((name) => !allowed.includes(name))
    .map((name) => ({ name, message: `Only its platform wrapper may import ${name}.` }));

const srcRules = (allowedImports) => ({
  'no-restricted-imports': ['error', { paths: restrictedImports(allowedImports) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-pro/**', 'build/**', 'node_modules/**', 'dev-dist/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-console': 'error',
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: 'Web Storage is plaintext on disk.' },
        { name: 'sessionStorage', message: 'Web Storage is plaintext on disk.' },
        { name: 'indexedDB', message: 'Only platform/store touches IndexedDB.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'history', property: 'pushState', message: 'The app never creates history entries.' },
        { object: 'history', property: 'replaceState', message: 'The app never puts state in a URL.' },
        { object: 'crypto', property: 'subtle', message: 'Only platform/vault touches crypto.subtle.' },
        { object: 'window', property: 'localStorage', message: 'Web Storage is plaintext on disk.' },
      ],
      ...srcRules([]),
    },
  },
  { files: ['src/platform/store/**'], rules: { ...srcRules(['idb']), 'no-restricted-globals': 'off' } },
  { files: ['src/platform/vault/**'], rules: { ...srcRules(['hash-wasm']), 'no-restricted-properties': 'off' } },
  { files: ['src/platform/i18n/**'], rules: srcRules(['i18next']) },
  // Browser unit tests set up, inspect and tamper with storage directly; they never ship.
  { files: ['src/**/*.browser.test.ts'], rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off', 'no-restricted-imports': 'off' } },
);
