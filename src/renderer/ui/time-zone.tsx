/**
 * The one time-zone setting (local or UTC, default local), remembered in
 * localStorage and read by every place that shows a time; the other zone is
 * on hover.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { formatTimeIn, otherZoneTitle, timeZoneName, type TimeZone } from './format'
import { usePersistentState } from './usePersistentState'

/** The setting and the formatters that follow it. */
export interface TimeZoneSetting {
  readonly zone: TimeZone
  readonly setZone: (zone: TimeZone) => void
  /** The time in the chosen zone. */
  readonly format: (seconds: number) => string
  /** The time in the other zone, for a `title` or tooltip. */
  readonly hover: (seconds: number) => string
  /** `Time (local)` / `Time (UTC)`. */
  readonly header: string
}

function settingFor(zone: TimeZone, setZone: (zone: TimeZone) => void): TimeZoneSetting {
  return {
    zone,
    setZone,
    format: (seconds) => formatTimeIn(zone, seconds),
    hover: (seconds) => otherZoneTitle(zone, seconds),
    header: `Time (${timeZoneName(zone)})`
  }
}

const TimeZoneContext = createContext<TimeZoneSetting>(settingFor('local', () => undefined))

const isZone = (v: unknown): v is TimeZone => v === 'local' || v === 'utc'

/** Holds the setting for everything inside it. */
export function TimeZoneProvider({ children }: { children: ReactNode }): ReactNode {
  const [zone, setZone] = usePersistentState<TimeZone>('time-zone', 'local', isZone)
  const value = useMemo(() => settingFor(zone, setZone), [zone, setZone])
  return <TimeZoneContext.Provider value={value}>{children}</TimeZoneContext.Provider>
}

/** The current time-zone setting (local outside a provider). */
export function useTimeZone(): TimeZoneSetting {
  return useContext(TimeZoneContext)
}
