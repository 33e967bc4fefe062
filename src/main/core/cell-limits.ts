/**
 * The column lengths the library's schema declares (VARCHAR(50) for keywords and
 * ids, VARCHAR(10000) for patches). SQLite ignores them; PostgreSQL enforces
 * them, counting characters (code points). The rule, the same in `rebase` and
 * `check`: a longer cell is a notice, never a refusal — the library writes it on
 * SQLite, and the notice says the store could not be copied to PostgreSQL as is.
 */

/** Declared VARCHAR lengths by column name. */
export const COLUMN_LENGTHS: Readonly<Record<string, number>> = {
  source: 50,
  reason: 50,
  actor_kind: 50,
  actor_id: 50,
  aggregate_kind: 50,
  aggregate_id: 50,
  trigger_kind: 50,
  trigger_id: 50,
  patch: 10000
}

/** Characters as PostgreSQL counts them: code points (a surrogate pair is one). */
export function codePointLength(text: string): number {
  let n = text.length
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--
        i++
      }
    }
  }
  return n
}

/** The sentence ending for a cell longer than its column declares, or null when it fits. */
export function lengthNotice(column: string, text: string): string | null {
  const max = COLUMN_LENGTHS[column]
  if (max === undefined || text.length <= max) return null
  const length = codePointLength(text)
  if (length <= max) return null
  return `is ${length} characters long; the library's schema declares VARCHAR(${max}), which PostgreSQL enforces and SQLite does not`
}
