/** Byte-level view of an SQLite store, to compare copies cell for cell. */
import Database from 'better-sqlite3'

/** Every row of every table with each cell's storage class and bytes, in key order. */
export function cellDump(path: string, tables = ['events', 'actions', 'effects', 'triggers']): string[] {
  const db = new Database(path, { readonly: true })
  try {
    return tables.flatMap((table) => {
      const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).sort()
      const select = cols.map((c) => `typeof("${c}") || ':' || hex("${c}")`).join(` || '|' || `)
      return (db.prepare(`SELECT ${select} FROM "${table}" ORDER BY ${cols.map((c) => `"${c}"`).join(', ')}`).pluck().all() as string[]).map((row) => `${table} ${row}`)
    })
  } finally {
    db.close()
  }
}
