/**
 * A one-line summary of a patch cell for the event table:
 * `assoc :author "William Gibson", :genre "SciFi" · dissoc :price`.
 * Values are printed like Clojure prints them; a cell that is not a patch
 * (not EDN, not a map) is shown as its own text.
 */
import { printEdn, readEdn } from '../edn'
import { assocEntries, dissocKeys } from './patch-shape'

/** Summaries longer than this end with `…`. */
export const PATCH_SUMMARY_MAX = 160

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** The one-line summary of a patch cell's text. */
export function patchSummary(cell: string, max = PATCH_SUMMARY_MAX): string {
  let patch
  try {
    patch = readEdn(cell)
  } catch {
    return clip(cell.replace(/\s+/g, ' '), max)
  }
  if (patch.t !== 'map') return clip(printEdn(patch), max)
  const parts: string[] = []
  const assoc = assocEntries(patch)
  if (assoc.length > 0) parts.push(`assoc ${assoc.map(([k, v]) => `${printEdn(k)} ${clip(printEdn(v), 60)}`).join(', ')}`)
  const dissoc = dissocKeys(patch)
  if (dissoc.length > 0) parts.push(`dissoc ${dissoc.map((k) => printEdn(k)).join(', ')}`)
  return clip(parts.length > 0 ? parts.join(' · ') : printEdn(patch), max).replace(/\n/g, '\\n')
}
