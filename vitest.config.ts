import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'tests/ingest/**/*.test.ts', 'tests/content/**/*.test.ts'] },
      },
      {
        // Built sites and a browser: one build per content tree, shared by every file.
        extends: true,
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/site-setup.ts'],
          hookTimeout: 600_000,
          testTimeout: 60_000,
          // A browser waiting on a search worker takes seconds on a loaded 2-core machine; 1 s (the default) flaked.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
