/**
 * Aggregates and triggers of the active store matching what is typed into
 * the command palette: `Neu` (an id containing it, in any kind), `:book Neu`
 * (a `:book` whose id contains it), `:bo` (kinds starting with it); triggers
 * whose printed identity contains the text. Asked ~150 ms after typing stops;
 * an answer for an older text is dropped.
 */
import { useEffect, useState } from 'react'
import { useDebouncedValue } from '@mantine/hooks'
import type { CellIdentity } from '../../shared/browse'
import { call } from '../ipc/client'
import { seqNoOf } from './query-commands'
import { suggestionQuery } from './suggestion-query'

/** At most this many suggestions of each sort. */
export const MAX_SUGGESTIONS = 8
/** Kinds searched for a bare text (a store rarely has more). */
const MAX_KINDS = 12

/** What the store suggests for a text. */
export interface PaletteSuggestions {
  readonly aggregates: readonly CellIdentity[]
  readonly triggers: readonly CellIdentity[]
}

const NONE: PaletteSuggestions = { aggregates: [], triggers: [] }

async function aggregatesFor(storeId: string, text: string): Promise<CellIdentity[]> {
  const { kind, rest } = suggestionQuery(text)
  if (kind !== null && rest === '') {
    const found = await call('store:known-identities', { storeId, role: 'aggregate', prefix: kind, limit: MAX_SUGGESTIONS })
    return found.map((identity) => identity.cells)
  }
  const kinds = kind !== null ? [kind] : (await call('store:aggregate-kinds', { storeId })).slice(0, MAX_KINDS).map((k) => k.kind)
  const pages = await Promise.all(kinds.map((k) => call('store:aggregate-list', { storeId, kind: k, idContains: rest, limit: MAX_SUGGESTIONS })))
  return pages.flatMap((page) => page.rows.map(({ kind: k, id }) => ({ kind: k, id }))).slice(0, MAX_SUGGESTIONS)
}

async function triggersFor(storeId: string, text: string): Promise<CellIdentity[]> {
  const { kind, rest } = suggestionQuery(text)
  const page = await call('store:trigger-index', { storeId, text: kind === null ? rest : `${kind} ${rest}`.trim(), sort: 'identity', limit: MAX_SUGGESTIONS })
  return page.rows.map(({ kind: k, id }) => ({ kind: k, id }))
}

/** Suggestions for `query` in store `storeId` (none without a store, for a seq-no, or under 2 characters). */
export function usePaletteSuggestions(query: string, storeId: string | undefined): PaletteSuggestions {
  const [text] = useDebouncedValue(query.trim(), 150)
  /** The latest answer; kept while the next is asked for as long as the text only grew (same store), so the list does not flicker. */
  const [found, setFound] = useState<{ storeId: string; text: string; suggestions: PaletteSuggestions } | null>(null)
  const key = `${storeId ?? ''}\u0000${text}`
  const wanted = storeId !== undefined && text.length >= 2 && seqNoOf(text) === null
  useEffect(() => {
    if (!wanted || storeId === undefined) return
    let current = true
    const settle = <T,>(p: Promise<T>, fallback: T) => p.catch(() => fallback)
    void Promise.all([settle(aggregatesFor(storeId, text), []), settle(triggersFor(storeId, text), [])]).then(([aggregates, triggers]) => {
      if (current) setFound({ storeId, text, suggestions: { aggregates, triggers } })
    })
    return () => {
      current = false
    }
  }, [key, storeId, text, wanted])
  const typed = query.trim()
  return wanted && found?.storeId === storeId && typed.startsWith(found.text) ? found.suggestions : NONE
}
