/** How values are written for people: timestamps, counts, file names. */

/** `2026-11-28 14:00:00Z` for epoch seconds (stores keep whole seconds, UTC). */
export function formatTimestamp(seconds: number): string {
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime()) ? String(seconds) : `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`
}

/** The file name of a path (either separator). */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts[parts.length - 1] || path
}

/** How a store is named in tabs, the header and messages: its file name, or `user@host/db` for PostgreSQL. */
export function storeName(info: { readonly kind: 'sqlite' | 'postgres'; readonly path: string }): string {
  return info.kind === 'postgres' ? info.path : fileName(info.path)
}

/** `1,234` (the same grouping everywhere, whatever the system locale). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

/** `1 event`, `1,234 events` */
export function countOf(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}
