/** How the Overview writes values. */

/** `2026-11-28 14:00:00Z` for epoch seconds (stores keep whole seconds, UTC). */
export function formatTimestamp(seconds: number): string {
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime()) ? String(seconds) : `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`
}
