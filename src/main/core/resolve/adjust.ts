/**
 * The adjusted patch of a resolved conflict: per aligned key the user keeps
 * ours, keeps theirs, or types a value; the patch sets exactly the keys whose
 * chosen value differs from theirs, so applying it after the conflicting
 * stored event gives the chosen state.
 */
import type { EdnMap, EdnValue } from '../../../shared/edn-value'
import { applyPatch } from '../domain/apply-patch'
import { validatePatch } from '../domain/validate-patch'
import type { AlignedPath } from './align'
import { NOT_FOUND, buildPatch, sameLookup, type Lookup, type PatchOp } from './paths'

/** A choice for one aligned key; `edit` sets the given value. */
export type Choice = { readonly take: 'ours' } | { readonly take: 'theirs' } | { readonly take: 'edit'; readonly value: EdnValue }

/** The value a choice gives a key (`NOT_FOUND`: the key is removed). */
export function chosenValue(row: AlignedPath, choice: Choice): Lookup {
  switch (choice.take) {
    case 'ours': return row.ours
    case 'theirs': return row.theirs
    case 'edit': return choice.value
  }
}

/**
 * The choice made when the user picks nothing: a key only ours changed, or
 * both changed, keeps ours (what the staged event means to do); a key only
 * theirs changed, or nobody changed, keeps theirs (it stays as stored).
 */
export function defaultChoice(row: AlignedPath): Choice {
  return row.mark === 'ours-only' || row.mark === 'both' ? { take: 'ours' } : { take: 'theirs' }
}

/** The patch and the state it gives. */
export interface Adjusted {
  /** Null when every chosen value equals theirs (nothing to write). */
  readonly patch: EdnMap | null
  /** Theirs' state with the patch applied. */
  readonly state: EdnMap
}

/**
 * Build the adjusted patch: for each row (with its choice, `defaultChoice`
 * when `choices` gives none) whose chosen value differs from theirs, an
 * `:assoc` of the chosen value at its path, or a `:dissoc` of the path when
 * the chosen value is "absent". Rows are leaves (no path is a prefix of
 * another), so the operations never interfere and the library's order
 * (assoc, then dissoc) does not matter. The result passes `validatePatch`.
 */
export function adjustPatch(theirsState: EdnMap, rows: readonly AlignedPath[], choices: (row: AlignedPath, index: number) => Choice | undefined): Adjusted {
  const ops: PatchOp[] = []
  rows.forEach((row, index) => {
    const target = chosenValue(row, choices(row, index) ?? defaultChoice(row))
    if (sameLookup(target, row.theirs)) return
    ops.push(target === NOT_FOUND ? { op: 'dissoc', path: row.path } : { op: 'assoc', path: row.path, value: target })
  })
  const patch = buildPatch(ops)
  if (patch === null) return { patch, state: theirsState }
  const errors = validatePatch(patch)
  if (errors.length > 0) throw new Error(`The adjusted patch is not valid: ${errors.map((e) => e.message).join(' ')}`)
  return { patch, state: applyPatch(theirsState, patch) }
}
