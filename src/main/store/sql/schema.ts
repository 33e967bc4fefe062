/**
 * The library's schema (`coherence.jdbc.ddl` with `{:dialect :ansi :quoted-snake true}`),
 * the same text on every database: table columns, identifier quoting, table-name
 * validation and the DDL. Pure string building, shared by the adapters.
 */
import { DEFAULT_TABLES, SINGULAR_TABLES, type TableNames } from '../../../shared/domain'
import { StoreError } from '../errors'

/** Columns of each table, in the library's order. */
export const TABLE_COLUMNS: Readonly<Record<keyof TableNames, readonly string[]>> = {
  event: ['seq_no', 'timestamp', 'source'],
  action: ['seq_no', 'reason', 'actor_kind', 'actor_id', 'aggregate_kind', 'aggregate_id', 'patch'],
  effect: ['seq_no', 'reason', 'trigger_kind', 'trigger_id'],
  trigger: ['trigger_kind', 'trigger_id', 'seq_no']
}

/** Declared VARCHAR lengths (SQLite ignores them; other databases enforce them). */
export { COLUMN_LENGTHS } from '../../core/cell-limits'

/** Quote an SQL identifier the way HoneySQL's ANSI dialect does. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** Refuse table names that are empty, duplicated or not plain identifiers. */
export function validateTableNames(tables: TableNames): void {
  const names = [tables.event, tables.action, tables.effect, tables.trigger]
  for (const name of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_$.-]{0,62}$/.test(name)) {
      throw new StoreError(
        'invalid-table-names',
        `${JSON.stringify(name)} is not a usable table name: use letters, digits and underscores, starting with a letter.`
      )
    }
  }
  if (new Set(names).size !== names.length) {
    throw new StoreError('invalid-table-names', 'The four table names must all be different.')
  }
}

/** The library's DDL for `tables`, statement by statement (`CREATE … IF NOT EXISTS`). */
export function createTableStatements(tables: TableNames): string[] {
  const q = quoteIdent
  const fk = `FOREIGN KEY(${q('seq_no')}) REFERENCES ${q(tables.event)}(${q('seq_no')}) ON DELETE CASCADE`
  const v50 = 'VARCHAR(50) NOT NULL'
  return [
    `CREATE TABLE IF NOT EXISTS ${q(tables.event)} (${q('seq_no')} BIGINT PRIMARY KEY NOT NULL, ${q('timestamp')} INT NOT NULL, ${q('source')} ${v50})`,
    `CREATE TABLE IF NOT EXISTS ${q(tables.action)} (${q('seq_no')} BIGINT PRIMARY KEY NOT NULL, ${q('reason')} ${v50}, ${q('actor_kind')} ${v50}, ${q('actor_id')} ${v50}, ${q('aggregate_kind')} ${v50}, ${q('aggregate_id')} ${v50}, ${q('patch')} VARCHAR(10000) NOT NULL, ${fk})`,
    `CREATE INDEX IF NOT EXISTS ${q(`${tables.action}_aggregate_idx`)} ON ${q(tables.action)} (${q('aggregate_kind')}, ${q('aggregate_id')})`,
    `CREATE TABLE IF NOT EXISTS ${q(tables.effect)} (${q('seq_no')} BIGINT PRIMARY KEY NOT NULL, ${q('reason')} ${v50}, ${q('trigger_kind')} ${v50}, ${q('trigger_id')} ${v50}, ${fk})`,
    `CREATE INDEX IF NOT EXISTS ${q(`${tables.effect}_trigger_idx`)} ON ${q(tables.effect)} (${q('trigger_kind')}, ${q('trigger_id')})`,
    `CREATE TABLE IF NOT EXISTS ${q(tables.trigger)} (${q('trigger_kind')} ${v50}, ${q('trigger_id')} ${v50}, ${q('seq_no')} BIGINT NOT NULL, PRIMARY KEY(${q('trigger_kind')}, ${q('trigger_id')}, ${q('seq_no')}), ${fk})`
  ]
}

/** The tables a database holds, each with its column names (as its catalog reports them). */
export type PresentTables = ReadonlyMap<string, readonly string[]>

/** Table-name sets present: the defaults, the library tests' names, and one set found by the tables' shapes. */
export function tableSetsIn(present: PresentTables): TableNames[] {
  const candidates: TableNames[] = [DEFAULT_TABLES, SINGULAR_TABLES]
  // Any table with the event columns may be an event table; pair it with tables that fit the other roles.
  const byShape: Record<keyof TableNames, string[]> = { event: [], action: [], effect: [], trigger: [] }
  for (const [name, columns] of present) {
    const cols = [...columns].sort().join(',')
    for (const role of Object.keys(TABLE_COLUMNS) as (keyof TableNames)[]) {
      if ([...TABLE_COLUMNS[role]].sort().join(',') === cols) byShape[role].push(name)
    }
  }
  if (byShape.event.length === 1 && byShape.action.length === 1 && byShape.effect.length === 1 && byShape.trigger.length === 1) {
    candidates.push({ event: byShape.event[0], action: byShape.action[0], effect: byShape.effect[0], trigger: byShape.trigger[0] })
  }
  const seen = new Set<string>()
  return candidates.filter((t) => {
    const key = [t.event, t.action, t.effect, t.trigger].join('\u0000')
    if (seen.has(key)) return false
    seen.add(key)
    return [t.event, t.action, t.effect, t.trigger].every((n) => present.has(n))
  })
}

/** How messages name the store and what stayed unchanged. */
export interface SchemaPlace {
  /** The path, or the masked URL. */
  readonly where: string
  /** `file` or `database`. */
  readonly noun: string
}

/**
 * Why `present` is not a store of `tables` — missing tables, other columns —
 * as a StoreError naming what is missing or different; null when it is one.
 */
export function schemaProblem(present: PresentTables, tables: TableNames, place: SchemaPlace): StoreError | null {
  const { where, noun } = place
  const roles = Object.keys(TABLE_COLUMNS) as (keyof TableNames)[]
  const missing = roles.filter((role) => !present.has(tables[role]))
  if (missing.length === roles.length) {
    const found = tableSetsIn(present)
    const hint = found.length > 0
      ? ` It does hold a store with the tables ${found.map((t) => `${t.event}/${t.action}/${t.effect}/${t.trigger}`).join(' or ')}: pass those table names.`
      : ' Choose the table names the service uses, or create a new store.'
    return new StoreError(
      present.size === 0 ? 'not-a-store' : 'missing-tables',
      `${where} has no coherence tables named ${tables.event}, ${tables.action}, ${tables.effect}, ${tables.trigger}.${hint}`
    )
  }
  if (missing.length > 0) {
    return new StoreError(
      'missing-tables',
      `${where} is missing the table${missing.length > 1 ? 's' : ''} ${missing.map((r) => `"${tables[r]}" (${r})`).join(', ')}; a coherence store needs all four. The ${noun} was not changed.`
    )
  }
  for (const role of roles) {
    const actual = present.get(tables[role]) ?? []
    const expected = TABLE_COLUMNS[role]
    const lacking = expected.filter((c) => !actual.includes(c))
    const extra = actual.filter((c) => !expected.includes(c))
    if (lacking.length > 0 || extra.length > 0) {
      const parts = [
        lacking.length > 0 ? `lacks ${lacking.join(', ')}` : '',
        extra.length > 0 ? `has other columns ${extra.join(', ')}` : ''
      ].filter(Boolean)
      return new StoreError(
        'wrong-columns',
        `Table "${tables[role]}" in ${where} ${parts.join(' and ')}; the ${role} table of a coherence store has exactly ${expected.join(', ')}. The ${noun} was not changed.`
      )
    }
  }
  return null
}

/**
 * The one index this tool adds beyond the library's schema, and only when
 * asked (`coherence index`): the trigger table on seq_no, so finding an
 * action's triggers (the conflict check loads the conflicting action with
 * them) is an index search instead of a scan of the whole table. Never part
 * of `createTableStatements` (init stays the library's DDL).
 */
export function triggerSeqNoIndexStatement(tables: TableNames): { name: string; sql: string } {
  const name = `${tables.trigger}_seq_no_idx`
  return { name, sql: `CREATE INDEX IF NOT EXISTS ${quoteIdent(name)} ON ${quoteIdent(tables.trigger)} (${quoteIdent('seq_no')})` }
}
