/**
 * Test-file side of the throwaway cluster (`test/setup/postgres.ts`): the
 * server when there is one, and `describePostgres`, which skips a suite with
 * the setup's reason when there is none.
 */
import { describe, inject } from 'vitest'
import type { PostgresServer } from './postgres'

/** The run's cluster, or null (then `skipReason()` says why). */
export function testServer(): PostgresServer | null {
  const provided = inject('postgres')
  return 'server' in provided ? provided.server : null
}

function skipReason(): string {
  const provided = inject('postgres')
  return 'skipped' in provided ? provided.skipped : ''
}

/** `describe` for suites that need the cluster; skipped, with the reason printed once, when there is none. */
export function describePostgres(name: string, body: (server: PostgresServer) => void): void {
  const server = testServer()
  if (server === null) {
    console.warn(`Skipped "${name}": ${skipReason()}`)
    describe.skip(name, () => {})
    return
  }
  describe(name, () => body(server))
}
