/** The blast radius of one effect on PostgreSQL: the shared flows of `sql/blast-queries.ts`. */
import type { BlastRadius, BlastReadSizes } from '../../../../shared/audit'
import type { TableNames } from '../../../../shared/domain'
import { blastRadiusFlow, blastReadSizesFlow, type BlastSql } from '../../sql/blast-queries'
import type { PgQueries } from '../pg-queries'
import { runPg } from './flows'
import { quoted, textOrder } from './run'

/** PostgreSQL's spellings: code-point text order; a plain join (the planner picks the order by its statistics). */
async function blastSql(db: PgQueries): Promise<BlastSql> {
  return { order: await textOrder(db), fixedJoin: 'JOIN' }
}

/** What `read(offset)` replays because of the effect `effectSeqNo`; null when it is not an effect. */
export async function blastRadius(db: PgQueries, tables: TableNames, effectSeqNo: number, offset?: number): Promise<BlastRadius | null> {
  return runPg(db, blastRadiusFlow(quoted(tables), await blastSql(db), effectSeqNo, offset))
}

/** The size of `read(offset)` with and without the effect; null when it is not an effect. */
export async function blastReadSizes(db: PgQueries, tables: TableNames, effectSeqNo: number, offset?: number): Promise<BlastReadSizes | null> {
  return runPg(db, blastReadSizesFlow(quoted(tables), await blastSql(db), effectSeqNo, offset))
}
