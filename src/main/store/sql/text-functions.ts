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
}

/** SQLite: `instr`, and `lower`, which lowers ASCII letters only. */
export const SQLITE_TEXT: TextFunctions = {
  contains: (hay, needle) => `instr(${hay}, ${needle}) > 0`,
  lowerAscii: (expr) => `lower(${expr})`
}

/**
 * PostgreSQL: `strpos`, and `lower` under the "C" collation, which lowers
 * ASCII letters only whatever the database's locale (as SQLite's `lower`).
 */
export const POSTGRES_TEXT: TextFunctions = {
  contains: (hay, needle) => `strpos(${hay}, ${needle}) > 0`,
  lowerAscii: (expr) => `lower(CAST(${expr} AS text) COLLATE "C")`
}

/** Case-insensitive (ASCII letters) containment, as the trigger and aggregate lists filter. */
export function containsIgnoringAsciiCase(fns: TextFunctions, hay: string, needle: string): string {
  return fns.contains(fns.lowerAscii(hay), fns.lowerAscii(needle))
}
