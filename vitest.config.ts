// Vitest configuration: one `projects` list (unit, components, dist, browser, validity, editorial, host) so
// `npx vitest run` gives one combined summary.
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
          // tests/helpers/*.test.ts: self-tests of test helpers that need no build (the Observatory scorer).
          include: ['src/**/*.test.ts', 'tests/helpers/**/*.test.ts'],
          environment: 'node',
        },
      },
      // Chart components rendered with Astro's container API from a fixture dataset (golden SVGs); it needs Astro's
      // Vite plugins, so it has its own config file.
      './tests/components/vitest.config.ts',
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
      {
        extends: true,
        test: {
          name: 'host',
          include: ['tests/host/**/*.test.ts'],
          environment: 'node',
          // Serves dist/ with Cloudflare's runtime (wrangler pages dev → workerd); a cold start takes ~10-20 s.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // On its own after the others, so workerd's start-up does not compete with chromium or the validity builds.
          sequence: { groupOrder: 3 },
        },
      },
      {
        extends: true,
        test: {
          name: 'editorial',
          include: ['tests/editorial/**/*.test.ts'],
          environment: 'node',
          // Copies the project, edits data/, builds the copy and runs its dist suite against it (~1 min).
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // Last and alone: it runs a build and a nested vitest of its own.
          sequence: { groupOrder: 4 },
        },
      },
      {
        extends: true,
        test: {
          name: 'dev',
          include: ['tests/dev/**/*.test.ts'],
          environment: 'node',
          // Starts `astro dev` on a copy of the project (~5-10 s), then edits its data/ and chapters.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // Alone after the others: a dev server and chromium would compete with builds for 2 CPUs.
          sequence: { groupOrder: 5 },
        },
      },
    ],
  },
});
