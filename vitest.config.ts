import { defineConfig } from 'vitest/config';

// Three suites: `unit` (domain, importer, store and API on embedded PGlite) runs in `npm test`;
// `pg` runs the store and API tests again against a PostgreSQL server (DATABASE_URL);
// `e2e` drives Debian's Chromium against a started server.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'pg',
          include: ['src/**/*.store.test.ts', 'src/**/*.api.test.ts', 'test/**/*.store.test.ts', 'test/**/*.api.test.ts'],
          env: { SAMVERKA_TEST_DB: 'pg' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
