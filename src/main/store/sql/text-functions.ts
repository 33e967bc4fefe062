/**
 * The text functions where the SQL the adapters share differs between SQLite
 * and PostgreSQL. Shared SQL uses `?` placeholders; the PostgreSQL adapter
 * numbers them (`$1`, `$2`, …) before running it.
 */

/** How one database spells the expressions the shared SQL needs. */
export interface TextFunctions {
  /** True when the text `needle` occurs in `hay` (case-sensitive, exact characters). */
  contains(hay: string, needle: string): string
  /** `expr` with ASCII letters lowered and every other character kept (SQLite's `lower`). */
  lowerAscii(expr: string): string
  /** True when the text `x` is an integer as pr-str prints one that fits a BIGINT: an optional `-` and 1 to 18 digits (no `?` in the SQL: shared SQL numbers every `?` as a parameter). */
  isInteger(x: string): string
}

/** SQLite: `instr`, and `lower`, which lowers ASCII letters only. */
export const SQLITE_TEXT: TextFunctions = {
  contains: (hay, needle) => `instr(${hay}, ${needle}) > 0`,
  lowerAscii: (expr) => `lower(${expr})`,
  isInteger: (x) => {
    const digits = `(CASE WHEN substr(${x}, 1, 1) = '-' THEN substr(${x}, 2) ELSE ${x} END)`
    return `(${digits} <> '' AND ${digits} NOT GLOB '*[^0-9]*' AND length(${digits}) <= 18)`
  }
}

/**
 * PostgreSQL: `strpos`, and `lower` under the "C" collation, which lowers
 * ASCII letters only whatever the database's locale (as SQLite's `lower`).
 */
export const POSTGRES_TEXT: TextFunctions = {
  contains: (hay, needle) => `strpos(${hay}, ${needle}) > 0`,
  lowerAscii: (expr) => `lower(CAST(${expr} AS text) COLLATE "C")`,
  isInteger: (x) => `(CAST(${x} AS text) ~ '^-{0,1}[0-9]{1,18}$')`
}

/** Case-insensitive (ASCII letters) containment, as the trigger and aggregate lists filter. */
export function containsIgnoringAsciiCase(fns: TextFunctions, hay: string, needle: string): string {
  return fns.contains(fns.lowerAscii(hay), fns.lowerAscii(needle))
}

/**
 * The sort key of an aggregate id cell `x` (a column or a `?`): integers first,
 * numerically, then every other id by its printed text. The CAST only ever
 * sees digits (the CASE hands it '0' otherwise), so no database can fail on
 * it even when it folds constants early. `order` follows the text part (see
 * list-queries.ts).
 */
export function idOrderKey(fns: TextFunctions, x: string, order = ''): string {
  const integer = fns.isInteger(x)
  return `(CASE WHEN ${integer} THEN 0 ELSE 1 END), CAST((CASE WHEN ${integer} THEN ${x} ELSE '0' END) AS BIGINT), ${x}${order}`
}
