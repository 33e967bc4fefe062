/**
 * The per-key choices of one conflict and the adjusted event main builds
 * from them: every change (a choice, an edited value, the reason) asks
 * `store:conflict-resolution` again after a short pause, so edited values are
 * validated live and the adjusted patch is always the one main will stage.
 */
import { useEffect, useMemo, useState } from 'react'
import type { AlignedKey, ConflictResolution, KeyChoice } from '../../../../shared/resolve'
import { call } from '../../../ipc/client'
import { failureMessage, isConnectionLoss, useConnectionLost } from '../../../ui/connection-lost'
import { setPicks, setReason, useDraft, type Pick } from './drafts'

export type { Pick } from './drafts'

/** What a key takes. */
export type Take = KeyChoice['take']

/** Which conflict (as `store:conflict-resolution` names it). */
export interface ConflictRef {
  readonly storeId: string
  readonly base: number
  readonly theirs: number
  readonly oursEdn: string
  readonly resolved: readonly number[]
  /** Where the choices are kept (`draftKey`): they survive closing the dialog. */
  readonly draft: string
}

/** Keys ours changed (alone or with theirs) keep ours unless the user says otherwise; others keep theirs. */
export function defaultTake(key: AlignedKey): Take {
  return key.mark === 'ours-only' || key.mark === 'both' ? 'ours' : 'theirs'
}

/** The text an edit starts from: ours' value, else theirs'. */
export function editStart(key: AlignedKey): string {
  return key.ours ?? key.theirs ?? ''
}

const PAUSE_MS = 200

/** Choices (kept in the conflict's draft), reason, and the latest resolution (null until the first answer). */
export function useResolution(ref: ConflictRef, keys: readonly AlignedKey[] | null, initialReason: string) {
  const draft = useDraft(ref.draft)
  const { picks } = draft
  const reason = draft.reason ?? initialReason
  const [answer, setAnswer] = useState<{ key: string; resolution: ConflictResolution | null; error: string | null } | null>(null)
  // While the connection is lost the answer stays pending (no error: the bar says it); Reconnect works it out again.
  const lost = useConnectionLost()

  const choices = useMemo<KeyChoice[]>(
    () => Object.entries(picks).map(([key, p]) => (p.take === 'edit' ? { key, take: 'edit', edn: p.edn } : { key, take: p.take })),
    [picks]
  )
  const { storeId, base, theirs, oursEdn, resolved } = ref
  const requestKey = JSON.stringify([storeId, base, theirs, oursEdn, resolved, choices, reason])

  useEffect(() => {
    if (keys === null) return
    let current = true
    const timer = setTimeout(() => {
      const request = { storeId, base, theirs, oursEdn, resolved: [...resolved], choices, reason }
      call('store:conflict-resolution', request).then(
        (resolution) => current && setAnswer({ key: requestKey, resolution, error: null }),
        (e: unknown) => current && !isConnectionLoss(e) && setAnswer((previous) => ({ key: requestKey, resolution: previous?.resolution ?? null, error: failureMessage(e) }))
      )
    }, PAUSE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
    // requestKey stands for every input of the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys, requestKey, lost])

  const resolution = answer?.resolution ?? null
  const error = answer?.error ?? null
  /** True while the shown resolution is not the answer for the current choices. */
  const pending = answer?.key !== requestKey

  /** The pick shown for `key` (its default when the user has not chosen). */
  const pickOf = (key: AlignedKey): Pick => picks[key.key] ?? { take: defaultTake(key), edn: editStart(key) }

  const choose = (key: AlignedKey, take: Take): void => setPicks(ref.draft, { ...picks, [key.key]: { take, edn: picks[key.key]?.edn ?? editStart(key) } })
  const edit = (key: AlignedKey, edn: string): void => setPicks(ref.draft, { ...picks, [key.key]: { take: 'edit', edn } }, key.key)
  /** Set every changed key to ours or theirs at once. */
  const chooseAll = (take: 'ours' | 'theirs'): void =>
    setPicks(ref.draft, Object.fromEntries((keys ?? []).filter((k) => k.mark !== 'none').map((k) => [k.key, { take, edn: editStart(k) }])))

  return { picks, pickOf, choose, edit, chooseAll, reason, setReason: (text: string) => setReason(ref.draft, text), resolution, error, pending }
}
