import { defineConfig } from 'vitest/config';

// Three suites: `unit` (domain, importer, store and API on embedded PGlite) runs in `npm test`;
// `pg` runs the store and API tests again against a PostgreSQL server (DATABASE_URL);
// `e2e` drives Debian's Chromium against a started server.
export default defineConfig({
  test: {
    // Vitest's default is one worker less than the cores: one on CI's two. The unit files spend much
    // of their time waiting on child processes (the CLI, Chromium, Ghostscript), so two keep both
    // cores busy. The pg and e2e suites run their files one at a time (shared server, one browser).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: ['test/helpers/pglite-template.ts'],
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
