import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Vitest's default on a 2-core machine is one file at a time. Two run side by side safely:
    // every file has its own temp folders, free ports, Chromium, store workers and build outputs
    // (per pid), and the shared builds (renderer, 10 M-event store) are guarded by locks. Most of
    // an e2e file's time is waiting on Chromium and the store workers, so a second file fills it.
    maxWorkers: 2,
    globalSetup: ['test/setup/build-cli.ts', 'test/setup/postgres.ts'],
    testTimeout: 60_000,
    // UI assertions poll; on a loaded 2-core machine a store can take seconds to open.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 60_000
  }
})
