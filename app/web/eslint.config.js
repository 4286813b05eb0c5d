// Flat config: typescript-eslint's type-aware strict rules over the app's sources; the build
// output and the browser-test script (plain ESM run by node) are linted without types.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-artifacts/', 'eslint.config.js'] },
  js.configs.recommended,
  {
    files: ['src/**/*.ts', 'vite.config.ts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers and bigints (record ids, block numbers) are printed in template literals.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allow: [{ from: 'lib', name: 'BigInt' }] }],
    },
  },
  {
    files: ['tests/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        URL: 'readonly', fetch: 'readonly', Buffer: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly',
        // Functions passed to page.evaluate run in the browser.
        document: 'readonly', localStorage: 'readonly', window: 'readonly',
      },
    },
  },
);
