/**
 * The places the user chose through main, each behind an opaque token: the
 * window names a store to open or create only by a token main issued, so a
 * script in the page can neither open, create nor probe a path of its own.
 * Main issues tokens for paths from its native dialogs, files dropped on the
 * window (path read by the preload from the real `File`), its recent list,
 * and the command line. A token opens, or creates — never both: only the
 * Save dialog hands out tokens that create.
 */
import { randomBytes } from 'node:crypto'
import type { ChosenLocation } from '../../shared/ipc/types'
import { HostError } from '../host/host-error'

/** What a token allows: opening an existing store, or creating one (the New store dialog). */
export type LocationPurpose = 'open' | 'create'

interface Chosen {
  readonly path: string
  readonly purpose: LocationPurpose
}

/** The registry of user-chosen locations (one per app; it lives as long as main). */
export class ChosenLocations {
  private readonly byToken = new Map<string, Chosen>()
  private readonly tokenOf = new Map<string, string>()

  /** Record that the user chose `path` for `purpose`; the same path and purpose keep their token. */
  choose(path: string, purpose: LocationPurpose): ChosenLocation {
    const key = `${purpose}\u0000${path}`
    let location = this.tokenOf.get(key)
    if (location === undefined) {
      location = `loc-${randomBytes(16).toString('hex')}`
      this.tokenOf.set(key, location)
      this.byToken.set(location, { path, purpose })
    }
    return { location, path }
  }

  /** The path behind `location`, when it was issued for `purpose`; otherwise a `not-chosen` error (nothing is touched). */
  resolve(location: string, purpose: LocationPurpose): string {
    const chosen = this.byToken.get(location)
    if (chosen?.purpose === purpose) return chosen.path
    const how = purpose === 'create' ? 'File ▸ New store' : 'File ▸ Open, a drop or the recent list'
    throw new HostError('not-chosen', `The app did not let you choose that file, so it was not ${purpose === 'create' ? 'created' : 'opened'}; choose it through ${how}.`)
  }
}
