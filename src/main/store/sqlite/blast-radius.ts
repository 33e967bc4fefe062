/** The blast radius of one effect on SQLite: the shared flows of `sql/blast-queries.ts`, run synchronously. */
import type Database from 'better-sqlite3'
import type { BlastRadius, BlastReadSizes } from '../../../shared/audit'
import type { Queries } from '../sql/queries'
import { BLAST_LIST_CAP } from '../sql/audit-rules'
import { SQLITE_BLAST, blastRadiusFlow, blastReadSizesFlow } from '../sql/blast-queries'
import { runFlow, type Flow, type Rows } from '../sql/flow'

export { BLAST_LIST_CAP, inactiveReason } from '../sql/audit-rules'

function run<T>(db: Database.Database, flow: Flow<T>): T {
  return runFlow(flow, (step) => db.prepare(step.sql).all(...step.params) as Rows)
}

/** What `read(offset)` replays because of effect `effectSeqNo`; null when that seq-no is not an effect. */
export function blastRadius(db: Database.Database, queries: Queries, effectSeqNo: number, offset = effectSeqNo, cap = BLAST_LIST_CAP): BlastRadius | null {
  return run(db, blastRadiusFlow(queries.tables, SQLITE_BLAST, effectSeqNo, offset, cap))
}

/** The size of `read(offset)` with and without effect `effectSeqNo`; null when it is not an effect. */
export function blastReadSizes(db: Database.Database, queries: Queries, effectSeqNo: number, offset = effectSeqNo): BlastReadSizes | null {
  return run(db, blastReadSizesFlow(queries.tables, SQLITE_BLAST, effectSeqNo, offset))
}
