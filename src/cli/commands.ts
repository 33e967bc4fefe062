/**
 * The CLI commands: argument checking, a store call, and printing — no logic
 * of their own. Each returns the process exit code.
 */
import type { EdnValue } from '../shared/edn-value'
import type { Identity } from '../shared/domain'
import { EdnParseError, printEdn, readEdn } from '../main/core/edn'
import { eventToEdn, identityFromEdn, parseReadScope, readEventBatch, ReadScopeError, type ParsedReadScope } from '../main/core/domain'
import { createStore, openStore } from '../main/store/open-store'
import { displayLocation, parseStoreLocation } from '../shared/store-location'
import type { OpenedStore } from '../main/store/opened-store'
import { UsageError, parseSeqNo, type ParsedCommand } from './args'
import { EXIT, ResultNotPrintedError, type Output } from './output'
import { batchProblem, writeRebaseResult } from './rebase-io'
import { copy } from './copy'

export { EXIT, type Output } from './output'

function readOption(name: string, text: string): EdnValue {
  try {
    return readEdn(text)
  } catch (e) {
    if (e instanceof EdnParseError) throw new UsageError(`--${name} is not valid EDN: ${e.message}`)
    throw e
  }
}

function identityOption(name: string, value: EdnValue): Identity {
  const identity = identityFromEdn(value)
  if (identity === null) {
    throw new UsageError(`--${name} must be an identity [kind id] (kind a keyword, id an integer, string or UUID); got ${printEdn(value)}.`)
  }
  return identity
}

async function withStore<T>(cmd: ParsedCommand, readOnly: boolean, work: (store: OpenedStore) => Promise<T>): Promise<T> {
  const store = await openStore(parseStoreLocation(cmd.file), { readOnly, tables: cmd.tables, verify: cmd.values.verify === true })
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}

/** The store's location as it may be shown: a URL's password masked. */
function shown(cmd: ParsedCommand): string {
  return displayLocation(parseStoreLocation(cmd.file))
}

async function init(cmd: ParsedCommand, out: Output): Promise<number> {
  const store = await createStore(parseStoreLocation(cmd.file), { tables: cmd.tables })
  await store.close()
  const t = cmd.tables
  await out.write(`Created the store ${shown(cmd)} (tables ${t.event}, ${t.action}, ${t.effect}, ${t.trigger}).\n`)
  return EXIT.ok
}

async function rebase(cmd: ParsedCommand, out: Output, stdin: string): Promise<number> {
  const base = parseSeqNo('base', cmd.values.base as string | undefined)
  const resolvedText = cmd.values.resolved as string | undefined
  const resolved = resolvedText === undefined || resolvedText === ''
    ? []
    : resolvedText.split(',').map((part) => parseSeqNo('resolved', part.trim()))
  if (new Set(resolved).size !== resolved.length) throw new UsageError('--resolved must list distinct seq-nos.')
  const read = readEventBatch(stdin)
  if (!read.ok) throw new UsageError(batchProblem(read))
  // PostgreSQL enforces the declared lengths: the store refuses such a batch in one sentence instead.
  if (parseStoreLocation(cmd.file).kind === 'sqlite') for (const notice of read.notices) out.notice(`notice: ${notice}`)
  const dry = cmd.values.dry === true
  const result = await withStore(cmd, false, (store) => store.rebase(base, read.batch.events, { resolved, dry }))
  try {
    await writeRebaseResult(out, result, read.batch)
    await out.flush()
  } catch (e) {
    if (result.result !== 'ok' || dry) throw e
    throw new ResultNotPrintedError(shown(cmd), result.events[0].seqNo, result.events.length, e instanceof Error ? e.message : String(e))
  }
  return result.result === 'ok' ? EXIT.ok : EXIT.notOk
}

async function read(cmd: ParsedCommand, out: Output): Promise<number> {
  const offset = cmd.values.offset === undefined ? 0 : parseSeqNo('offset', cmd.values.offset as string, true)
  let scope: ParsedReadScope | undefined
  try {
    scope = parseReadScope(cmd.values.aggregates as string | undefined, cmd.values.kinds as string | undefined, { aggregates: '--aggregates', kinds: '--kinds' })
  } catch (e) {
    if (e instanceof ReadScopeError) throw new UsageError(e.message)
    throw e
  }
  return withStore(cmd, true, async (store) => {
    const events = scope === undefined
      ? store.read(offset)
      : 'aggregates' in scope
        ? store.filterAggregates(offset, scope.aggregates)
        : store.filterAggregateKinds(offset, scope.kinds)
    // Stream the vector: pr-str of a vector separates items with one space.
    let first = true
    await out.write('[')
    for await (const event of events) {
      await out.write((first ? '' : ' ') + printEdn(eventToEdn(event)))
      first = false
    }
    await out.write(']\n')
    return EXIT.ok
  })
}

async function seqNo(cmd: ParsedCommand, out: Output): Promise<number> {
  return withStore(cmd, true, async (store) => {
    await out.write(`${await store.currentSeqNo()}\n`)
    return EXIT.ok
  })
}

async function conflicts(cmd: ParsedCommand, out: Output): Promise<number> {
  const offset = parseSeqNo('offset', cmd.values.offset as string | undefined, true)
  const aggregateText = cmd.values.aggregate as string | undefined
  if (aggregateText === undefined) throw new UsageError('--aggregate is required.')
  const aggregate = identityOption('aggregate', readOption('aggregate', aggregateText))
  return withStore(cmd, true, async (store) => {
    const events = await store.queryConflicts(offset, aggregate)
    await out.write(printEdn({ t: 'vec', items: events.map(eventToEdn) }) + '\n')
    return EXIT.ok
  })
}

async function check(cmd: ParsedCommand, out: Output): Promise<number> {
  return withStore(cmd, true, async (store) => {
    const problems = await store.check()
    for (const p of problems) await out.write(`${p.severity}: ${p.message}\n`)
    const serious = problems.filter((p) => p.severity !== 'notice').length
    if (serious === 0) await out.write(`${shown(cmd)}: healthy${problems.length > 0 ? ` (${problems.length} notice${problems.length > 1 ? 's' : ''})` : ''}.\n`)
    return serious === 0 ? EXIT.ok : EXIT.error
  })
}

async function index(cmd: ParsedCommand, out: Output): Promise<number> {
  const added = await withStore(cmd, false, (store) => store.addTriggerSeqNoIndex())
  const table = `"${cmd.tables.trigger}"`
  await out.write(
    added.created
      ? `Created the index "${added.name}" on ${table} ("seq_no") in ${shown(cmd)}; conflict checks now find an action's triggers through it.\n`
      : `${table} in ${shown(cmd)} already has an index on "seq_no" ("${added.name}"); nothing changed.\n`
  )
  return EXIT.ok
}

/** Run a parsed command. `stdin` is read only by `rebase`. */
export async function runCommand(cmd: ParsedCommand, out: Output, readStdin: () => Promise<string>): Promise<number> {
  switch (cmd.command) {
    case 'init': return init(cmd, out)
    case 'rebase': return rebase(cmd, out, await readStdin())
    case 'read': return read(cmd, out)
    case 'seq-no': return seqNo(cmd, out)
    case 'conflicts': return conflicts(cmd, out)
    case 'check': return check(cmd, out)
    case 'index': return index(cmd, out)
    case 'copy': return copy(cmd, out)
    default: throw new UsageError(`"${cmd.command}" is not a command.`)
  }
}
