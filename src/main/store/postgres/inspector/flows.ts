/** Shared query flows (`sql/flow.ts`) run on PostgreSQL, each query awaited. */
import { runFlowAsync, type Flow, type Rows } from '../../sql/flow'
import type { PgQueries } from '../pg-queries'
import { run } from './run'

/** Run `flow`, numbering each query's placeholders. */
export function runPg<T>(db: PgQueries, flow: Flow<T>): Promise<T> {
  return runFlowAsync(flow, (step) => run<Rows[number]>(db, step.sql, step.params))
}
