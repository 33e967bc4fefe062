import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['test/setup/build-cli.ts', 'test/setup/postgres.ts'],
    testTimeout: 60_000,
    // UI assertions poll; on a loaded 2-core machine a store can take seconds to open.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 60_000
  }
})
