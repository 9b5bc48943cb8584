// Vitest configuration: three projects (unit, dist, browser) so `npx vitest run` gives one combined summary.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The plain reporter prints the single `N passed, N failed` line CI greps for; vitest 5's default has none.
    reporters: ['default', './tests/plain-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'dist',
          include: ['tests/dist/**/*.test.ts'],
          environment: 'node',
          // Reading and parsing every built page with cheerio can be slow on a cold 2-CPU runner.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One chromium at a time: the CI machine has 2 CPUs and parallel browsers make axe time out.
          fileParallelism: false,
          // Run after unit/dist so the browser does not compete with them for CPU.
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'validity',
          include: ['tests/validity/**/*.test.ts'],
          environment: 'node',
          // Two extra builds (base / and /explainer/) plus the Nu checker's JVM.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
