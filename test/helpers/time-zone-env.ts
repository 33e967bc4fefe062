/** Run the enclosing suite with the process in time zone `zone` (TZ), restoring it afterwards. */
import { afterAll, beforeAll } from 'vitest'

/** Set TZ to `zone` before the suite's tests and put it back after them. */
export function inTimeZone(zone: string): void {
  let saved: string | undefined
  beforeAll(() => {
    saved = process.env.TZ
    process.env.TZ = zone
  })
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ
    else process.env.TZ = saved
  })
}
