/**
 * Read models as query flows: a generator yields each query it needs (SQL
 * with `?` placeholders and its parameters) and receives that query's rows,
 * so the logic between the queries is written once for both adapters —
 * SQLite runs a flow synchronously, PostgreSQL awaits each query.
 */

/** One query of a flow. */
export interface Step {
  readonly sql: string
  readonly params: readonly unknown[]
}

/** Rows as the drivers return them: plain objects keyed by column name. */
export type Rows = Record<string, unknown>[]

/** A read model that asks for the rows of each step and returns `T`. */
export type Flow<T> = Generator<Step, T, Rows>

/** The rows of one step, typed (inside a flow: `const rows = yield* query<R>(sql, params)`). */
export function* query<R>(sql: string, params: readonly unknown[] = []): Generator<Step, R[], Rows> {
  return (yield { sql, params }) as R[]
}

/** Run a flow with a synchronous driver. */
export function runFlow<T>(flow: Flow<T>, all: (step: Step) => Rows): T {
  let next = flow.next()
  while (!next.done) next = flow.next(all(next.value))
  return next.value
}

/** Run a flow with an asynchronous driver. */
export async function runFlowAsync<T>(flow: Flow<T>, all: (step: Step) => Promise<Rows>): Promise<T> {
  let next = flow.next()
  while (!next.done) next = flow.next(await all(next.value))
  return next.value
}
