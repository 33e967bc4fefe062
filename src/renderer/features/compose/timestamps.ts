/**
 * Timestamps of staged events. The library stores epoch **seconds**, floored
 * (docs/semantics.md): milliseconds typed in an `#inst` are dropped on write.
 * An event staged "now at commit" carries a placeholder time that the
 * preflight and the commit replace with the current time, in whole seconds.
 */
import { instText } from './form-state'

/** The leading `{:timestamp #inst "…"` of an event as Clojure prints it (the composer's EDN always starts so). */
const LEADING = /^\{:timestamp #inst "([^"]*)"/

/** `ms` floored to whole seconds, as the store keeps it. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000
}

/** The event's EDN with its timestamp set to `ms` (whole seconds); unchanged when it does not start with one. */
export function restamp(edn: string, ms: number): string {
  return LEADING.test(edn) ? edn.replace(LEADING, `{:timestamp ${instText(wholeSeconds(ms))}`) : edn
}

/** True when the event's EDN starts with a timestamp that `restamp` can replace. */
export function canRestamp(edn: string): boolean {
  return LEADING.test(edn)
}

/** The event's timestamp in epoch ms, or null when it has none at the start or it does not parse. */
export function timestampOf(edn: string): number | null {
  const m = LEADING.exec(edn)
  if (m === null) return null
  const ms = Date.parse(m[1].replace(/-00:00$/, 'Z'))
  return Number.isNaN(ms) ? null : ms
}

/** The staged events as sent to a preflight or commit at `nowMs`: those stamped "now at commit" get the time. */
export function eventsAt(events: readonly { readonly edn: string; readonly stampAtCommit?: boolean }[], nowMs: number): string[] {
  return events.map((e) => (e.stampAtCommit === true ? restamp(e.edn, nowMs) : e.edn))
}
