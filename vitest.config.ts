import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests walk whole visits; on a busy two-core machine a slow minute is not a failure.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for a state; its default of one second is a fixed short timeout that a
    // loaded machine misses. The test's own timeout bounds a state that never comes.
    expect: { poll: { timeout: 30_000 } },
    // Integration and browser tests each start real servers and browsers; two cores, so keep it modest.
    maxWorkers: 2,
  },
});
