import { defineConfig } from 'vitest/config';

// Unit, property, golden and app tests. End-to-end browser tests have their own config
// (vitest.e2e.config.ts) because they need a built site and Chromium.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/golden/**/*.test.ts', 'app/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
