/**
 * Pure logic of conflict resolution and undo by compensation (no I/O):
 * three-way alignment of an aggregate's states, the adjusted patch built from
 * per-key choices, and the compensating patch of an action.
 */
export { alignStates, alignedKeyView, type AlignedPath } from './align'
export { adjustPatch, chosenValue, defaultChoice, type Adjusted, type Choice } from './adjust'
export { compensationPatch, touchedPaths } from './compensate'
export { NOT_FOUND, buildPatch, keyText, lookupText, patchKey, sameLookup, valueAt, type KeyPath, type Lookup, type PatchOp } from './paths'
