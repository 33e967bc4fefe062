/**
 * Queries behind the composer: live validation, identities for autocomplete,
 * and the preflight — a dry rebase of the staged batch at the user's base.
 */
import type { ComposeInput, ComposeValidation, IdentityRole, KnownIdentity, RebaseOutcome, StagedProblem } from '../../shared/compose'
import type { Identity, NewEvent, RebaseResult } from '../../shared/domain'
import type { EdnValue } from '../../shared/edn-value'
import { edn } from '../../shared/edn-value'
import { validateCompose } from '../core/compose'
import { parseNewEvents } from '../core/domain'
import { EdnParseError, printEdn, readEdn } from '../core/edn'
import { decideRebase, type RebaseWriter } from '../core/rebase'
import type { OpenedStore } from '../store/opened-store'
import { describeRebase } from './compose-outcome'
import type { QueryContext } from './service'

/** Staged events (EDN texts) → domain events, or every problem with the index of its event. */
export function parseStaged(texts: readonly string[]): { ok: true; events: NewEvent[] } | { ok: false; problems: StagedProblem[] } {
  const values: EdnValue[] = []
  const problems: StagedProblem[] = []
  texts.forEach((text, index) => {
    try {
      values.push(readEdn(text))
    } catch (e) {
      if (!(e instanceof EdnParseError)) throw e
      problems.push({ index, path: '', message: `Staged event ${index + 1} is not valid EDN: ${e.message}.` })
    }
  })
  if (problems.length > 0) return { ok: false, problems }
  if (values.length === 0) return { ok: false, problems: [{ index: 0, path: '', message: 'Nothing is staged: stage at least one event first.' }] }
  const parsed = parseNewEvents(edn.vec(values))
  if (parsed.ok) return { ok: true, events: parsed.events }
  return {
    ok: false,
    problems: parsed.errors.map((e) => {
      const index = Number(/^\[(\d+)\]/.exec(e.path)?.[1] ?? 0)
      return { index, path: e.path.replace(/^\[\d+\] ?/, ''), message: e.message.replace(/^Event (\d+)/, 'Staged event $1') }
    })
  }
}

/**
 * The rebase decision on a store opened read-only (locked): the same
 * `decideRebase` over conflicts read beforehand, with nothing to write.
 */
async function decideReadOnly(store: OpenedStore, base: number, events: readonly NewEvent[], resolved: readonly number[]): Promise<RebaseResult> {
  const key = (identity: Identity): string => `${printEdn(identity.kind)} ${printEdn(identity.id)}`
  const conflicts = new Map<string, Awaited<ReturnType<OpenedStore['queryConflicts']>>>()
  for (const event of events) {
    if (event.type !== 'action' || conflicts.has(key(event.action.aggregate))) continue
    conflicts.set(key(event.action.aggregate), await store.queryConflicts(base, event.action.aggregate))
  }
  const next = (await store.currentSeqNo()) + 1
  const writer: RebaseWriter = {
    nextSeqNo: () => next,
    nextConflict: (_base, aggregate, skip) => conflicts.get(key(aggregate))?.find((e) => !skip.includes(e.seqNo)) ?? null,
    append: () => undefined
  }
  return decideRebase(writer, base, events, resolved)
}

/**
 * A dry rebase of the staged batch at `base` (the first seq-no the user had
 * not seen): the seq-nos the events would get and each touched aggregate's
 * state before → after, or the conflict — nothing is written. An unlocked
 * store runs the library's rebase with `dry`; a locked one (opened
 * read-only) makes the same decision from its conflict query.
 */
async function preflight(
  { store }: QueryContext,
  { base, events, resolved }: { base: number; events: readonly string[]; resolved: readonly number[] }
): Promise<RebaseOutcome> {
  const parsed = parseStaged(events)
  if (!parsed.ok) return { result: 'invalid', problems: parsed.problems }
  const result = store.readOnly
    ? await decideReadOnly(store, base, parsed.events, resolved)
    : await store.rebase(base, parsed.events, { resolved, dry: true })
  return describeRebase(store, base, result)
}

/** Validate the composer's form or raw event with the library's rules (pure; runs off the window's thread). */
function composeValidate(_context: QueryContext, { input }: { input: ComposeInput }): Promise<ComposeValidation> {
  return Promise.resolve(validateCompose(input))
}

/** Identities the store knows in `role` starting with `prefix` (autocomplete). */
function knownIdentities({ store }: QueryContext, query: { role: IdentityRole; prefix: string; limit: number }): Promise<KnownIdentity[]> {
  return store.identitiesByPrefix(query)
}

/** The composer's queries. */
export const composeQueries = { preflight, composeValidate, knownIdentities }
