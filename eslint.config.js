import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const databaseModules = ['kysely', 'pg', '@electric-sql/pglite', '@electric-sql/pglite/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'bench/out/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The domain is rules and types: it depends on nothing else in the project.
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/store/**', '**/api/**', '**/cli/**', '**/importer/**', '**/web/**', '**/config*', '**/log*'], message: 'src/domain imports nothing from the rest of the project.' },
          { group: [...databaseModules, 'node:fs', 'node:fs/*', 'node:net', 'node:http', 'fs'], message: 'src/domain does no I/O.' },
        ],
      }],
    },
  },
  {
    // SQL lives in src/store only.
    files: ['src/api/**', 'src/cli/**', 'src/importer/**', 'web/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: databaseModules, message: 'Queries belong in src/store.', allowTypeImports: true }] }],
    },
  },
  {
    files: ['web/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
