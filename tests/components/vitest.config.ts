/// <reference types="vitest/config" />
// The `components` vitest project: renders chart components with Astro's container API, so it needs Astro's Vite
// plugins (getViteConfig) to compile .astro files. Referenced from the root vitest.config.ts's `projects`.
import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default getViteConfig(
  {
    root,
    test: {
      name: 'components',
      root,
      include: ['tests/components/**/*.test.ts'],
      environment: 'node',
      // Building Astro's Vite config and compiling the components takes a few seconds on a cold 2-CPU runner.
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  },
  { root, logLevel: 'warn' },
);
