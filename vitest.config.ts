import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration and browser tests each start real servers and browsers; two cores, so keep it modest.
    maxWorkers: 2,
  },
});
