import { defineConfig } from 'vitest/config';

// One runner for the whole workspace: unit tests sit beside the code in packages/ and apps/,
// cross-package tests (API, both SQL dialects, browser) live in tests/.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
