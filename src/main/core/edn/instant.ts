/**
 * `#inst` as Clojure reads and prints it: `clojure.instant/read-instant-date`
 * (RFC 3339-like text → `java.util.Date` through a lenient `GregorianCalendar`)
 * and `SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS-00:00")` in GMT. Both use
 * Java's hybrid calendar: Julian before 1582-10-15, Gregorian from then on.
 */

const TIMESTAMP =
  /^(\d\d\d\d)(?:-(\d\d)(?:-(\d\d)(?:[T](\d\d)(?::(\d\d)(?::(\d\d)(?:[.](\d+))?)?)?)?)?)?(?:[Z]|([-+])(\d\d):(\d\d))?$/

const MS_PER_DAY = 86_400_000
/** Days from 1970-01-01 to 1582-10-15 (the Gregorian cutover), proleptic Gregorian. */
const CUTOVER_DAY = -141_427

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12, any day, lenient). */
function gregorianDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/** Days since 1970-01-01 of a Julian calendar date (astronomical years, lenient day). */
function julianDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  return 365 * y + Math.floor(y / 4) + doy - 719_470
}

/** The day `GregorianCalendar` picks for a local date: Gregorian on/after the cutover, else Julian. */
function hybridDay(year: number, month: number, day: number): number {
  const g = gregorianDay(year, month, day)
  return g >= CUTOVER_DAY ? g : julianDay(year, month, day)
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * Parse `#inst` text to epoch milliseconds exactly like `clojure.instant/read-instant-date`:
 * elided trailing parts default, fractions are truncated to milliseconds, a missing
 * offset means UTC. Returns an error message instead of a number for invalid text.
 */
export function parseInstant(text: string): number | string {
  const m = TIMESTAMP.exec(text)
  if (!m) return `Unrecognized date/time syntax: ${text}`
  const field = (i: number, fallback: number): number => (m[i] === undefined ? fallback : Number(m[i]))
  const year = Number(m[1])
  const month = field(2, 1)
  const day = field(3, 1)
  const hours = field(4, 0)
  const minutes = field(5, 0)
  const seconds = field(6, 0)
  const nanos = m[7] === undefined ? 0 : Number(m[7].slice(0, 9).padEnd(9, '0'))
  const offsetSign = m[8] === '-' ? -1 : 1
  const offsetHours = field(9, 0)
  const offsetMinutes = field(10, 0)
  if (month < 1 || month > 12) return `Invalid month in ${text}`
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]
  if (day < 1 || day > monthDays) return `Invalid day of month in ${text}`
  if (hours > 23) return `Invalid hour in ${text}`
  if (minutes > 59) return `Invalid minute in ${text}`
  if (seconds > (minutes === 59 ? 60 : 59)) return `Invalid second in ${text}`
  if (offsetHours > 23 || offsetMinutes > 59) return `Invalid offset in ${text}`
  const timeOfDay = ((hours * 60 + minutes) * 60 + seconds) * 1000 + Math.floor(nanos / 1_000_000)
  const offsetMs = offsetSign * (offsetHours * 60 + offsetMinutes) * 60_000
  return hybridDay(year, month, day) * MS_PER_DAY + timeOfDay - offsetMs
}

/** Calendar fields of a day number in the proleptic Gregorian calendar. */
function gregorianDate(days: number): [number, number, number] {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return [era * 400 + yoe + (month <= 2 ? 1 : 0), month, day]
}

/** Calendar fields of a day number in the Julian calendar (astronomical years). */
function julianDate(days: number): [number, number, number] {
  const z = days + 719_470
  const cycle = Math.floor(z / 1461)
  const doc = z - cycle * 1461
  const yoc = Math.min(Math.floor(doc / 365), 3)
  const doy = doc - 365 * yoc
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return [cycle * 4 + yoc + (month <= 2 ? 1 : 0), month, day]
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** The text inside `#inst "…"` as Clojure prints a `java.util.Date`: `2026-11-28T14:00:00.000-00:00`. */
export function formatInstant(ms: number): string {
  const days = Math.floor(ms / MS_PER_DAY)
  let rest = ms - days * MS_PER_DAY
  const [year, month, day] = days >= CUTOVER_DAY ? gregorianDate(days) : julianDate(days)
  const millis = rest % 1000
  rest = (rest - millis) / 1000
  const seconds = rest % 60
  rest = (rest - seconds) / 60
  const minutes = rest % 60
  const hours = (rest - minutes) / 60
  const yearOfEra = year >= 1 ? year : 1 - year
  return (
    `${pad(yearOfEra, 4)}-${pad(month, 2)}-${pad(day, 2)}T` +
    `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}-00:00`
  )
}
