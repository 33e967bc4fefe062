/**
 * Vitest global setup: one throwaway PostgreSQL cluster for the whole run,
 * handed to test files by `inject('postgres')` and removed at teardown.
 * In CI (`CI` set) a cluster that cannot start fails the run; elsewhere,
 * without PostgreSQL's binaries, the PostgreSQL tests skip and say why.
 */
import type { TestProject } from 'vitest/node'
import { postgresBinDir, startCluster, type PostgresServer } from '../helpers/postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The cluster, or why there is none. */
    postgres: { server: PostgresServer } | { skipped: string }
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const binDir = postgresBinDir()
  if (binDir === null) {
    const why = 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; set PG_BIN or apt-get install postgresql), so the PostgreSQL tests were skipped.'
    if (process.env.CI) throw new Error(`CI must run the PostgreSQL tests, but ${why}`)
    project.provide('postgres', { skipped: why })
    return () => {}
  }
  const cluster = await startCluster(binDir)
  const { host, port, user, password } = cluster
  project.provide('postgres', { server: { host, port, user, password } })
  return () => cluster.stop()
}
