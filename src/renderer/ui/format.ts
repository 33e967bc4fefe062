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

/** How a fork's origin is named: its file name, or `user@host/db` for a PostgreSQL database. */
export function originName(fork: { readonly originKind: 'sqlite' | 'postgres'; readonly origin: string }): string {
  return storeName({ kind: fork.originKind, path: fork.origin })
}

/** `1,234` (the same grouping everywhere, whatever the system locale). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

/** `1 event`, `1,234 events` */
export function countOf(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

/** `2026-01-05 10:07:00` in the viewer's time zone (the app's one rule: local time shown, UTC on hover). */
export function formatLocalTimestamp(seconds: number): string {
  const d = new Date(seconds * 1000)
  if (Number.isNaN(d.getTime())) return String(seconds)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** The hover text of a local timestamp: `UTC 2026-01-05 09:07:00Z`. */
export function utcTitle(seconds: number): string {
  return `UTC ${formatTimestamp(seconds)}`
}

/** Where times are shown: the viewer's time zone or UTC (the other one is on hover). */
export type TimeZone = 'local' | 'utc'

/** `2026-01-05 10:07:00` (local) or `2026-01-05 09:07:00Z` (UTC). */
export function formatTimeIn(zone: TimeZone, seconds: number): string {
  return zone === 'utc' ? formatTimestamp(seconds) : formatLocalTimestamp(seconds)
}

/** The hover text: the time in the other zone, `UTC 2026-01-05 09:07:00Z` or `Local 2026-01-05 10:07:00`. */
export function otherZoneTitle(zone: TimeZone, seconds: number): string {
  return zone === 'utc' ? `Local ${formatLocalTimestamp(seconds)}` : utcTitle(seconds)
}

/** `local` or `UTC`, as in a column header `Time (UTC)`. */
export function timeZoneName(zone: TimeZone): string {
  return zone === 'utc' ? 'UTC' : 'local'
}

/**
 * A count for a badge: `12,345` up to 99,999, then `123.5 K`, `1.2 M`, `3.4 B`
 * (never clipped; the exact number belongs in the badge's title).
 */
export function formatBadgeCount(n: number): string {
  if (n < 100_000) return formatCount(n)
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K']
  ]
  for (const [size, unit] of units) {
    if (n >= size) {
      const value = n / size
      return `${value >= 100 ? Math.floor(value) : Math.floor(value * 10) / 10} ${unit}`
    }
  }
  return formatCount(n)
}
