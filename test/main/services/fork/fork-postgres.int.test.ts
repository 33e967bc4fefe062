/**
 * Fork and merge back with a PostgreSQL origin, on a real server: the fork
 * is one READ ONLY REPEATABLE READ snapshot even while a writer appends
 * during it (cells byte-identical to the origin's up to the fork point, no
 * row of a later event), its sidecar keeps the origin URL without the
 * password; a correction on the fork merged back past another process's
 * append (the real library's CLI, or ours where java is missing) conflicts,
 * is resolved and committed, and `coherence read URL` then shows everything
 * (the library's `read` the same, byte for byte): the writer's events, the
 * other process's, the correction. A second merge takes nothing twice.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { batchText } from '../../../../bench/generate'
import { DEFAULT_TABLES } from '../../../../src/shared/domain'
import { parseNewEvents } from '../../../../src/main/core/domain'
import { readEdn } from '../../../../src/main/core/edn'
import { parseStaged } from '../../../../src/main/services/compose'
import { forkStore } from '../../../../src/main/services/fork/fork'
import { collectMerge, recordMerge, requireForkRecord } from '../../../../src/main/services/fork/merge'
import { sidecarPath } from '../../../../src/main/services/fork/sidecar'
import { createStore, openStore } from '../../../../src/main/store/open-store'
import type { OpenedStore } from '../../../../src/main/store/opened-store'
import { writeWalkthrough } from '../../../../scripts/demo/walkthrough'
import { cellDump } from '../../../helpers/cell-dump'
import { createDatabase, postgresUrl } from '../../../helpers/postgres'
import { describePostgres } from '../../../helpers/postgres-suite'
import { openStoreFile } from '../../../helpers/store-files'
import { appendEvents, tempDir, neuromancerEdn, TEST_INST } from '../../../helpers/stores'
import { cli, type CliRun } from '../../../cli/run-cli'
import { missingOracle, real } from '../../../cli/real-lib-cases'

const T = TEST_INST
const written = (i: number): string =>
  `{:timestamp ${T}, :source :writer, :action {:reason :create, :actor [:user "w"], :aggregate [:book "w-${i}"], :patch {:assoc {:n ${i}}}}, :triggers #{[:writer ${i}]}}`

function parsed(edn: string) {
  const events = parseNewEvents(readEdn(edn))
  if (!events.ok) throw new Error('bad events')
  return events.events
}

const missing = missingOracle()
if (missing !== null && process.env.CI) throw new Error(`CI must append through the real library, but ${missing}.`)
if (missing !== null) console.warn(`The other process is our CLI, not the real library: ${missing}.`)

function ok(run: CliRun): string {
  expect(run.code, run.stderr).toBe(0)
  return run.stdout
}
const cliOk = (args: string[], stdin?: string): string => ok(cli(args, stdin))
/** The other process: the real library's CLI when it can run here. */
const otherOk = (args: string[], stdin?: string): string => ok(missing === null ? real(args, stdin) : cli(args, stdin))

/** Every cell of the store at `url` up to seq-no `upTo`, via `coherence copy` into a file (cell for cell). */
function originCells(url: string, dir: string, upTo: number): string[] {
  const file = join(dir, `origin-${upTo}-${Date.now()}.db`)
  cliOk(['copy', url, file])
  const db = new Database(file)
  for (const table of ['triggers', 'actions', 'effects', 'events']) db.prepare(`DELETE FROM "${table}" WHERE seq_no > ?`).run(upTo)
  db.close()
  return cellDump(file)
}

describePostgres('fork of a PostgreSQL origin and merge back', (server) => {
  let dir: ReturnType<typeof tempDir>
  let url: string
  let copy: string
  let forkSeqNo: number
  let writes: number
  const stores: OpenedStore[] = []
  const keep = <S extends OpenedStore>(s: S): S => (stores.push(s), s)

  beforeAll(async () => {
    dir = tempDir('fork-pg')
    url = postgresUrl(server, await createDatabase(server, 'forkpg'))
    copy = join(dir.path, 'fork.db')
    const origin = await createStore({ kind: 'postgres', url }, { tables: DEFAULT_TABLES })
    try {
      await writeWalkthrough(origin)
      const bulk = await origin.rebase(8, parsed(batchText(4000)))
      expect(bulk.result).toBe('ok')
    } finally {
      await origin.close()
    }
  }, 120_000)

  afterAll(async () => {
    for (const store of stores.splice(0)) await store.close()
    dir?.remove()
  })

  it('forks one snapshot while a writer appends, cells byte-identical to the origin up to the fork point, no password in the sidecar', async () => {
    const origin = keep(await openStore({ kind: 'postgres', url }, { readOnly: true }))
    const writer = keep(await openStore({ kind: 'postgres', url }, { readOnly: false }))
    let forking = false
    let duringFork = 0
    let stop = false
    const writing = (async () => {
      for (let i = 1; !stop; i++) {
        const result = await writer.rebase((await writer.currentSeqNo()) + 1, parsed(`[${written(i)}]`))
        expect(result.result).toBe('ok')
        if (forking) duringFork++
      }
    })()
    await new Promise((r) => setTimeout(r, 50))
    forking = true
    const record = await forkStore(origin, { kind: 'postgres', url }, copy)
    forking = false
    stop = true
    await writing
    forkSeqNo = record.forkSeqNo
    writes = (await writer.currentSeqNo()) - 4007

    expect(duringFork).toBeGreaterThan(0)
    expect(await writer.currentSeqNo()).toBeGreaterThan(forkSeqNo)
    expect(forkSeqNo).toBeGreaterThan(4007)
    const fork = keep(await openStoreFile(copy, { readOnly: true }))
    expect(await fork.currentSeqNo()).toBe(forkSeqNo)
    expect((await fork.check()).filter((p) => p.severity !== 'notice')).toEqual([])
    // Not torn: exactly the origin's rows up to the fork point, no row of a later event in any table.
    expect(cellDump(copy)).toEqual(originCells(url, dir.path, forkSeqNo))

    const sidecar = readFileSync(sidecarPath(copy), 'utf8')
    expect(sidecar).not.toContain(server.password)
    expect(JSON.parse(sidecar)).toMatchObject({ origin: { kind: 'postgres', url: `postgresql://${server.user}@${server.host}:${server.port}/${new URL(url).pathname.slice(1)}` }, forkSeqNo, mergedUpTo: forkSeqNo, resolved: [] })
  }, 120_000)

  it('merges a correction past another process\'s append: conflict, resolved, committed, nothing lost; a second merge takes nothing twice', async () => {
    await appendEvents(copy, [neuromancerEdn('carol', 'Cyberpunk classic')])
    const fork = keep(await openStoreFile(copy, { readOnly: true }))
    const before = Number(cliOk(['seq-no', url]).trim())
    // Another process appends to the origin meanwhile, on the same aggregate.
    otherOk(['rebase', url, '--base', String(before + 1)], `[${neuromancerEdn('dave', 'Classic')}]`)
    const theirs = before + 1
    const beforeMerge = cliOk(['read', url])

    const batch = await collectMerge(fork, requireForkRecord(copy))
    expect(batch).toMatchObject({ base: forkSeqNo + 1, resolved: [], upTo: forkSeqNo + 1 })
    const staged = parseStaged(batch.events.map((e) => e.edn))
    if (!staged.ok) throw new Error('not staged')
    const origin = keep(await openStore({ kind: 'postgres', url }, { readOnly: false }))
    const preflight = await origin.rebase(batch.base, staged.events, { resolved: [...batch.resolved], dry: true })
    expect(preflight.result).toBe('conflict')
    if (preflight.result !== 'conflict') return
    expect(preflight.conflict.theirs.seqNo).toBe(theirs)
    const committed = await origin.rebase(batch.base, staged.events, { resolved: [theirs] })
    expect(committed).toMatchObject({ result: 'ok', events: [{ seqNo: theirs + 1 }] })
    const record = recordMerge(copy, await fork.currentSeqNo(), { upTo: batch.upTo, firstSeqNo: theirs + 1, lastSeqNo: theirs + 1, resolved: [theirs] })
    expect(record).toMatchObject({ mergedUpTo: forkSeqNo + 1, resolved: [theirs, theirs + 1] })

    // Nothing lost: what the origin held before the merge, then the correction.
    const read = cliOk(['read', url])
    expect(read.startsWith(beforeMerge.slice(0, -2))).toBe(true)
    expect(read.match(/:source :writer/g)).toHaveLength(writes)
    expect(read).toContain(`{:seq-no ${theirs}, :timestamp ${T}, :source :studio, :action {:reason :fix, :actor [:user "dave"], :aggregate [:book "Neuromancer"], :patch {:assoc {:genre "Classic"}}}}`)
    expect(read).toContain(`{:seq-no ${theirs + 1}, :timestamp ${T}, :source :studio, :action {:reason :fix, :actor [:user "carol"], :aggregate [:book "Neuromancer"], :patch {:assoc {:genre "Cyberpunk classic"}}}}`)
    expect(Number(cliOk(['seq-no', url]).trim())).toBe(theirs + 1)
    if (missing === null) expect(otherOk(['read', url])).toBe(read)

    // A second merge right away takes nothing; a newer correction alone, without conflicting with the first merge.
    expect((await collectMerge(fork, record)).events).toEqual([])
    await appendEvents(copy, [neuromancerEdn('carol', 'Cyberpunk, revised')])
    const second = await collectMerge(fork, requireForkRecord(copy))
    expect(second).toMatchObject({ base: forkSeqNo + 1, resolved: [theirs, theirs + 1], upTo: forkSeqNo + 2 })
    expect(second.events).toHaveLength(1)
    const again = parseStaged(second.events.map((e) => e.edn))
    if (!again.ok) throw new Error('not staged')
    expect(await origin.rebase(second.base, again.events, { resolved: [...second.resolved] })).toMatchObject({ result: 'ok', events: [{ seqNo: theirs + 2 }] })
    const after = cliOk(['read', url])
    expect(after.match(/"Cyberpunk classic"/g)).toHaveLength(1)
    expect(after.match(/"Cyberpunk, revised"/g)).toHaveLength(1)
    expect(after.startsWith(read.slice(0, -2))).toBe(true)
  }, 400_000)
})
