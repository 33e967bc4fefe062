/**
 * The one thing PostgreSQL read-model queries (the StoreInspector half, in
 * `./inspector/`) get from the store: plain queries and a cursor, both run by
 * the store inside a read-only snapshot transaction
 * (`BEGIN READ ONLY ISOLATION LEVEL REPEATABLE READ`) on its connection. No
 * driver types cross it; rows come back as plain objects keyed by column name.
 * BIGINT values (seq_no, `count(*)`) arrive as JavaScript numbers: the store's
 * connection parses int8 to number (seq-nos stay far below 2^53).
 */
export interface PgQueries {
  /** Run one statement with `$1…` parameters and return all its rows. */
  query<R>(sql: string, params?: unknown[]): Promise<R[]>
  /** Stream the rows of one statement in batches of at most `batchSize` (pg-cursor). */
  cursor<R>(sql: string, params: unknown[], batchSize: number): AsyncIterable<R[]>
}
