import { defineConfig } from 'vitest/config';

// One runner for the whole workspace: unit tests sit beside the code in packages/ and apps/,
// cross-package tests (API, both SQL dialects) live in tests/. Browser end-to-end tests are
// their own project so that only runs that include them build the web app first.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit-and-api',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'tests/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/build-web.ts'],
          // Each file drives its own Chromium and server; one at a time keeps a 2-core machine responsive.
          fileParallelism: false,
          // What a page shows after a click can take longer than vitest's 1 s default on a busy
          // machine (a view saved after a column drag was seen at over a second under CI load).
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
