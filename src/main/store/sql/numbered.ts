/**
 * The shared SQL (this folder) is written with `?` placeholders;
 * PostgreSQL wants `$1`, `$2`, … The shared SQL has no `?` anywhere else (no
 * literal holds one, and table names are validated), so numbering every `?`
 * in order is exact.
 */

/** `?` placeholders → `$1`, `$2`, … in order. */
export function numbered(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}
